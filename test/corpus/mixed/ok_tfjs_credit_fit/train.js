// Idiom seen in: Felps03/tfjs-credit-risk-classifier src/18-main.js
// What it reproduces: the entry point: load and scale the data, buildModel(inputSize) then fitModel(...).
// Clean: model.fit adds the layers' L2 terms to the loss it minimizes.
const tf = require('@tensorflow/tfjs-node');

const { loadGermanCredit } = require('./german');
const { fitScaler, transform } = require('./scaler');
const { buildModel, fitModel } = require('./model');

async function main() {
  const { features, labels } = await loadGermanCredit('data/german-credit.csv');
  const scaler = fitScaler(features);
  const xs = tf.tensor2d(transform(scaler, features));
  const ys = tf.tensor2d(labels, [labels.length, 1]);

  const model = buildModel(xs.shape[1], { units: [16, 8], l2: 1e-3, dropout: 0.2 });
  const history = await fitModel(model, xs, ys);
  const last = history.history.val_loss[history.history.val_loss.length - 1];
  console.log(`val_loss=${last.toFixed(4)}`);
  await model.save('file://./artifacts/model');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
