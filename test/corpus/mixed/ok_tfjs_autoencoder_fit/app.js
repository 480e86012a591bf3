// Idiom seen in: HafsaIdSaid386/week-4 app.js
// What it reproduces: the page script: load the item-genre matrix, fit the autoencoder of
// model.js with model.fit, and read the code layer as item embeddings.
const tf = require('@tensorflow/tfjs');
const {buildAutoencoder} = require('./model');
const {loadItemFeatures} = require('./data');

async function main() {
  const features = await loadItemFeatures('u.item');
  const xs = tf.tensor2d(features);
  const model = buildAutoencoder(features[0].length);
  await model.fit(xs, xs, {
    epochs: 30,
    batchSize: 64,
    shuffle: true,
    validationSplit: 0.1,
    callbacks: {onEpochEnd: (epoch, logs) => console.log(`epoch ${epoch}: ${logs.loss.toFixed(4)}`)},
  });
  const encoder = tf.model({inputs: model.inputs, outputs: model.getLayer('code').output});
  encoder.predict(xs).print();
}

main();
