// Idiom seen in: ChefyHase/eq-ai model.js
// What it reproduces: a tfjs-node functional model whose conv layers carry
//   kernelRegularizer l2, trained with a hand-written optimizer.minimize(() => loss) loop.
//   The closure returns only the RMSE of model.predict(...); regularization losses are never added.
// label-note: one WD103 on the single kernelRegularizer line (the convBlock helper is called 3 times,
//   the finding is about this model's regularizers being left out of the custom-loop loss).
const tf = require('@tensorflow/tfjs-node-gpu');
const Data = require('./data/data.js');
const config = require('./config.js');

const LAMBDA = 0.01;

function convBlock(input, filters, kernelSize, name) {
  const conv = tf.layers.conv2d({
    filters,
    kernelSize: [kernelSize, 1],
    activation: 'linear',
    kernelInitializer: 'heNormal',
    padding: 'same',
    kernelRegularizer: tf.regularizers.l2({ l2: LAMBDA }), // expect: WD103
    strides: [1, 1],
  }).apply(input);
  return tf.layers.globalMaxPooling2d({ name }).apply(conv);
}

class Model {
  constructor() {
    this.data = new Data();
    this.model = null;
  }

  build() {
    const input = tf.input({ shape: [1024] });
    const reshape = tf.layers.reshape({ targetShape: [1024, 1, 1] }).apply(input);
    const low = convBlock(reshape, 32, 512, 'poolLow');
    const mid = convBlock(reshape, 32, 24, 'poolMid');
    const high = convBlock(reshape, 32, 3, 'poolHigh');
    const concat = tf.layers.concatenate().apply([low, mid, high]);
    const out = tf.layers.dense({ units: 3, activation: 'linear', kernelInitializer: 'heNormal' }).apply(concat);
    this.model = tf.model({ inputs: input, outputs: out });
    return this.model;
  }

  rootMeanSquaredError(yTrue, yPred) {
    return tf.square(yTrue.sub(yPred)).mean().sqrt();
  }

  async train({ iterations, save }) {
    this.build();
    const optimizer = tf.train.adam(config.learningRate || 0.0001);
    const { xs, ys } = this.data.nextBatch();
    const [xTrain, xVal] = this.data.valSplits(xs, 0.3);
    const [yTrain, yVal] = this.data.valSplits(ys, 0.3);

    for (let j = 0; j < iterations; j++) {
      let trainLoss = await optimizer.minimize(() => {
        const pred = this.model.predict(xTrain, { batchSize: 10 });
        return this.rootMeanSquaredError(yTrain, pred);
      }, true);
      trainLoss = Number(trainLoss.dataSync());
      const valLoss = Number(this.rootMeanSquaredError(yVal, this.model.predict(xVal)).dataSync());
      console.log(`Epoch ${j + 1}: ${trainLoss.toFixed(3)} / ${valLoss.toFixed(3)}`);
      if (save) await this.model.save('file://./eq-ai');
      await tf.nextFrame();
    }
  }
}

module.exports = new Model();
