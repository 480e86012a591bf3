// Idiom seen in: songer1993/tfjs-vae conditional-vae/model.js
// What it reproduces: the conditional VAE with L2 kernel regularizers on encoder and decoder layers;
// vaeLoss adds both encoder.calculateLosses() and decoder.calculateLosses() inside the function
// optimizer.minimize differentiates. Its KL helper squares zMean (a latent, not a weight).
const tf = require('@tensorflow/tfjs');

class ConditionalVAE {
  constructor({originalDim = 784, intermediateDim = 256, latentDim = 2, labelDim = 10, l2 = 1e-4} = {}) {
    const reg = () => tf.regularizers.l2({l2});
    const encoderX = tf.input({shape: [originalDim]});
    const encoderY = tf.input({shape: [labelDim]});
    const encIn = tf.layers.concatenate({axis: 1}).apply([encoderX, encoderY]);
    const h1 = tf.layers.dense({units: intermediateDim, activation: 'relu', kernelRegularizer: reg()}).apply(encIn);
    const zMean = tf.layers.dense({units: latentDim}).apply(h1);
    const zLogVar = tf.layers.dense({units: latentDim}).apply(h1);
    this.encoder = tf.model({inputs: [encoderX, encoderY], outputs: [zMean, zLogVar], name: 'encoder'});

    const decoderZ = tf.input({shape: [latentDim]});
    const decoderY = tf.input({shape: [labelDim]});
    const decIn = tf.layers.concatenate({axis: 1}).apply([decoderZ, decoderY]);
    const h2 = tf.layers.dense({units: intermediateDim, activation: 'relu', kernelRegularizer: reg()}).apply(decIn);
    const out = tf.layers.dense({units: originalDim, activation: 'sigmoid', kernelRegularizer: reg()}).apply(h2);
    this.decoder = tf.model({inputs: [decoderZ, decoderY], outputs: out, name: 'decoder'});
  }

  klLoss(zMean, zLogVar) {
    return tf.tidy(() => tf.sum(tf.scalar(1).add(zLogVar).sub(zMean.square()).sub(zLogVar.exp()), -1).mul(-0.5));
  }

  vaeLoss(xs, ys) {
    return tf.tidy(() => {
      const [zMean, zLogVar] = this.encoder.apply([xs, ys]);
      const z = zMean.add(zLogVar.mul(0.5).exp().mul(tf.randomNormal(zMean.shape)));
      const recon = this.decoder.apply([z, ys]);
      const reconLoss = tf.metrics.binaryCrossentropy(xs, recon).mul(xs.shape[1]);
      const dataLoss = tf.mean(reconLoss.add(this.klLoss(zMean, zLogVar)));
      return tf.addN([dataLoss, ...this.encoder.calculateLosses(), ...this.decoder.calculateLosses()]);
    });
  }
}

module.exports = {ConditionalVAE};
