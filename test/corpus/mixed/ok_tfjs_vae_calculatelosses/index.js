// Idiom seen in: songer1993/tfjs-vae index.js
// What it reproduces: the training loop that calls optimizer.minimize on ConditionalVAE.vaeLoss
// batch by batch and logs the returned cost.
const tf = require('@tensorflow/tfjs');
const {ConditionalVAE} = require('./model');
const {MnistData} = require('./data');

async function train({epochs = 20, batchSize = 128, numBatch = 400} = {}) {
  const data = new MnistData();
  await data.load();
  const vae = new ConditionalVAE({l2: 1e-4});
  const optimizer = tf.train.adam(1e-3);
  for (let i = 0; i < epochs; i++) {
    for (let j = 0; j < numBatch; j++) {
      const batch = data.nextTrainBatch(batchSize);
      const cost = optimizer.minimize(() => vae.vaeLoss(batch.xs.reshape([batchSize, 784]), batch.labels), true);
      console.log(`epoch ${i} batch ${j}: ${cost.dataSync()[0]}`);
      tf.dispose([cost, batch.xs, batch.labels]);
      await tf.nextFrame();
    }
  }
}

train();
