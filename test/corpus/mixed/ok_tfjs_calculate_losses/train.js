// Idiom seen in: renn72/brain_game backend/tensor/model.js
// What it reproduces: custom loop with optimizer.minimize whose loss is the cross entropy plus the
//   layers' regularization terms from model.calculateLosses() (the model is built by the first
//   predict inside the closure); clean.
const tf = require('@tensorflow/tfjs-node');
const { buildModel } = require('./model');
const { loadDigits } = require('./data');

async function main() {
  const model = buildModel();
  const optimizer = tf.train.rmsprop(1e-3);
  const { xs, ys } = await loadDigits();
  const batchSize = 128;
  const numBatches = Math.floor(xs.shape[0] / batchSize);

  for (let epoch = 0; epoch < 10; epoch++) {
    for (let b = 0; b < numBatches; b++) {
      const x = xs.slice([b * batchSize, 0, 0, 0], [batchSize, 28, 28, 1]);
      const y = ys.slice([b * batchSize, 0], [batchSize, 10]);
      const loss = optimizer.minimize(() => {
        const logits = model.predict(x);
        const dataLoss = tf.losses.softmaxCrossEntropy(y, logits);
        return tf.addN([dataLoss, ...model.calculateLosses()]);
      }, true);
      if (b % 50 === 0) {
        console.log(`epoch ${epoch} batch ${b} loss ${loss.dataSync()[0].toFixed(4)}`);
      }
      tf.dispose([x, y, loss]);
    }
  }
}

main();
