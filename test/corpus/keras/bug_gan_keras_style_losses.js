// Idiom seen in: Rymdhest/06 tensorflow.js
// What it reproduces: the browser port of Morvan Zhou's 1-D "artist" GAN gets L2 kernel regularizers on the
//   discriminator, and its minimize() closure adds them the Keras way with ...discriminator.losses; in TF.js
//   model.losses is empty for a tf.sequential (the terms come from calculateLosses()), so D trains without decay.
/* global tf, Chart */

const EPOCHS = 5000;
const BATCH_SIZE = 64;
const LR_G = 0.0001;
const LR_D = 0.0001;
const L2_D = 1e-3;
const N_IDEAS = 5;
const ART_COMPONENTS = 15;
const PAINT_POINTS = tf.linspace(-1, 1, ART_COMPONENTS).reshape([1, ART_COMPONENTS]).tile([BATCH_SIZE, 1]);

// Generator model
const generator = tf.sequential();
generator.add(tf.layers.dense({ units: 128, inputShape: [N_IDEAS], activation: 'relu' }));
generator.add(tf.layers.dense({ units: ART_COMPONENTS }));

// Discriminator model (regularized so it does not overpower G)
const discriminator = tf.sequential();
discriminator.add(tf.layers.dense({ units: 128, inputShape: [ART_COMPONENTS], activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: L2_D }) })); // expect: WD103
discriminator.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelRegularizer: tf.regularizers.l2({ l2: L2_D }) })); // expect: WD103

const optimizerD = tf.train.adam(LR_D);
const optimizerG = tf.train.adam(LR_G);

function generateRealArtworks() {
  const a = tf.randomUniform([BATCH_SIZE, 1], 1, 2);
  return a.mul(PAINT_POINTS.square()).add(a.sub(1));
}

function gLoss(probabilityFake) {
  return tf.mean(tf.log(tf.sub(1, probabilityFake)));
}

function dLoss(probabilityFake, probabilityReal) {
  return tf.neg(tf.mean(tf.add(tf.log(probabilityReal), tf.log(tf.sub(1, probabilityFake)))));
}

async function train(chart) {
  for (let step = 0; step < EPOCHS; step++) {
    tf.tidy(() => {
      const realPaintings = generateRealArtworks();
      const ideas = tf.randomNormal([BATCH_SIZE, N_IDEAS]);
      const generatedPaintings = generator.predict(ideas);

      const dResult = optimizerD.minimize(() => {
        const probabilityReal = discriminator.predict(realPaintings);
        const probabilityFake = discriminator.predict(generatedPaintings);
        return tf.addN([dLoss(probabilityFake, probabilityReal), ...discriminator.losses]);
      }, true, discriminator.trainableWeights.map((w) => w.val));

      optimizerG.minimize(() => {
        const probabilityFake = discriminator.predict(generator.predict(ideas));
        return gLoss(probabilityFake);
      }, true, generator.trainableWeights.map((w) => w.val));

      document.getElementById('dScoreText').innerText = `D score = ${(-dResult.dataSync()[0]).toFixed(2)}`;
      chart.data.datasets[0].data = generatedPaintings.arraySync()[0];
    });
    if (step % 50 === 0) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      chart.update();
    }
  }
}

function createChart() {
  const ctx = document.getElementById('chart').getContext('2d');
  return new Chart(ctx, {
    type: 'line',
    data: {
      labels: Array.from({ length: ART_COMPONENTS }, (_, i) => -1 + (2 * i) / (ART_COMPONENTS - 1)),
      datasets: [{ label: 'Generated Painting', data: [], borderColor: '#4AD631', fill: false }],
    },
    options: { responsive: true, animation: false },
  });
}

train(createChart());
