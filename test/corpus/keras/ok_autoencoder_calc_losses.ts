// Idiom seen in: CodingTrain/Auto-Encoder-Demo index.js
// What it reproduces: the Coding Train's dense autoencoder (784 -> 32 -> 784) moved from compile/fit to a
//   custom optimizer.minimize loop; the encoder has an L2 kernelRegularizer and the minimized loss is
//   tf.addN([reconstruction, ...autoencoder.calculateLosses()]), so the regularizer terms are trained: clean.
import * as tf from '@tensorflow/tfjs-node';

const L2 = 1e-4;

const autoencoder = tf.sequential();
const encoder = tf.layers.dense({
  units: 32,
  inputShape: [784],
  activation: 'relu',
  kernelRegularizer: tf.regularizers.l2({l2: L2}),
});
const decoder = tf.layers.dense({
  units: 784,
  activation: 'sigmoid',
});
autoencoder.add(encoder);
autoencoder.add(decoder);

const optimizer = tf.train.adam(1e-3);

function generateImage(): number[] {
  const img: number[] = [];
  for (let i = 0; i < 784; i++) {
    img[i] = Math.random();
  }
  return img;
}

const xInputs: number[][] = [];
for (let i = 0; i < 1000; i++) {
  xInputs[i] = generateImage();
}
const xTrain = tf.tensor2d(xInputs);

function trainStep(batch: tf.Tensor2D): number {
  const cost = optimizer.minimize(() => {
    const reconstruction = autoencoder.predict(batch) as tf.Tensor;
    const recon = tf.losses.sigmoidCrossEntropy(batch, reconstruction);
    return tf.addN([recon, ...autoencoder.calculateLosses()]) as tf.Scalar;
  }, true);
  const value = cost!.dataSync()[0];
  cost!.dispose();
  return value;
}

async function trainModel(epochs = 50, batchSize = 256) {
  for (let epoch = 0; epoch < epochs; epoch++) {
    let last = 0;
    for (let start = 0; start < xInputs.length; start += batchSize) {
      const size = Math.min(batchSize, xInputs.length - start);
      const batch = xTrain.slice([start, 0], [size, 784]) as tf.Tensor2D;
      last = trainStep(batch);
      batch.dispose();
    }
    console.log(`epoch ${epoch}: loss ${last.toFixed(4)}`);
    await tf.nextFrame();
  }
}

trainModel();
