// Idiom seen in: songer1993/tfjs-vae conditional-vae/model.js
// What it reproduces: a conditional VAE whose encoder and decoder dense layers carry L2 kernel
// regularizers; vaeLoss adds only encoder.calculateLosses(), so the decoder's terms never reach
// the loss that optimizer.minimize differentiates.
const tf = require('@tensorflow/tfjs');

const L2 = 1e-4;

function buildCVAE({originalDim = 784, intermediateDim = 256, latentDim = 2, labelDim = 10}) {
  const encoderX = tf.input({shape: [originalDim]});
  const encoderY = tf.input({shape: [labelDim]});
  const encIn = tf.layers.concatenate({axis: 1}).apply([encoderX, encoderY]);
  const h1 = tf.layers.dense({
    units: intermediateDim, activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: L2}),
  }).apply(encIn);
  const zMean = tf.layers.dense({units: latentDim}).apply(h1);
  const zLogVar = tf.layers.dense({units: latentDim}).apply(h1);
  const encoder = tf.model({inputs: [encoderX, encoderY], outputs: [zMean, zLogVar], name: 'encoder'});

  const decoderZ = tf.input({shape: [latentDim]});
  const decoderY = tf.input({shape: [labelDim]});
  const decIn = tf.layers.concatenate({axis: 1}).apply([decoderZ, decoderY]);
  const h2 = tf.layers.dense({
    units: intermediateDim, activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: L2}), // expect: WD103
  }).apply(decIn);
  const out = tf.layers.dense({
    units: originalDim, activation: 'sigmoid',
    kernelRegularizer: tf.regularizers.l2({l2: L2}), // expect: WD103
  }).apply(h2);
  const decoder = tf.model({inputs: [decoderZ, decoderY], outputs: out, name: 'decoder'});
  return {encoder, decoder};
}

function klLoss(zMean, zLogVar) {
  return tf.tidy(() => tf.sum(tf.scalar(1).add(zLogVar).sub(zMean.square()).sub(zLogVar.exp()), -1).mul(-0.5));
}

function vaeLoss(encoder, decoder, xs, ys) {
  return tf.tidy(() => {
    const [zMean, zLogVar] = encoder.apply([xs, ys]);
    const eps = tf.randomNormal(zMean.shape);
    const z = zMean.add(zLogVar.mul(0.5).exp().mul(eps));
    const recon = decoder.apply([z, ys]);
    const reconLoss = tf.metrics.binaryCrossentropy(xs, recon).mul(xs.shape[1]);
    const dataLoss = tf.mean(reconLoss.add(klLoss(zMean, zLogVar)));
    return tf.addN([dataLoss, ...encoder.calculateLosses()]);
  });
}

async function train(data, {epochs = 20, batchSize = 128, numBatch = 400} = {}) {
  const {encoder, decoder} = buildCVAE({});
  const optimizer = tf.train.adam(1e-3);
  for (let i = 0; i < epochs; i++) {
    for (let j = 0; j < numBatch; j++) {
      const batch = data.nextTrainBatch(batchSize);
      const cost = optimizer.minimize(() => vaeLoss(encoder, decoder, batch.xs, batch.labels), true);
      console.log(`epoch ${i} batch ${j}: ${cost.dataSync()[0]}`);
      cost.dispose();
      await tf.nextFrame();
    }
  }
  return {encoder, decoder};
}

module.exports = {buildCVAE, train};
