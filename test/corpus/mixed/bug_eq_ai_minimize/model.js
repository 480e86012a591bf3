// Idiom seen in: ChefyHase/eq-ai model.js
// What it reproduces: a tf.model of parallel conv2d branches, each with kernelRegularizer l2, trained
// in a hand-written loop with optimizer.minimize(() => totalLoss); the loss is RMSE + a signal loss
// and never adds the layers' regularization losses (only fit/trainOnBatch do), so the l2 does nothing.
const tf = require('@tensorflow/tfjs-node-gpu');
const Data = require('./data/data.js');
const config = require('./config.js');

class Model {
  constructor() {
    this.data = new Data();
    this.model = null;
  }

  branch(input, kernel) {
    const conv = tf.layers.conv2d({
      filters: 32,
      kernelSize: [kernel, 1],
      activation: 'linear',
      kernelInitializer: 'heNormal',
      padding: 'same',
      kernelRegularizer: tf.regularizers.l2({ l2: config.lambda }), // expect: WD103
      strides: [1, 1]
    }).apply(input);
    return tf.layers.globalMaxPooling2d({}).apply(conv);
  }

  build() {
    const input = tf.input({ shape: [1024] });
    const reshape = tf.layers.reshape({ targetShape: [1024, 1, 1] }).apply(input);
    const low = this.branch(reshape, 512);
    const mid = this.branch(reshape, 24);
    const high = tf.layers.conv2d({
      filters: 32,
      kernelSize: [3, 1],
      padding: 'same',
      kernelRegularizer: tf.regularizers.l2({ l2: config.lambda }), // expect: WD103
    }).apply(reshape);
    const poolHigh = tf.layers.globalMaxPooling2d({}).apply(high);
    const concat = tf.layers.concatenate().apply([low, mid, poolHigh]);
    const out = tf.layers.dense({
      units: 3,
      kernelInitializer: 'heNormal',
      kernelRegularizer: tf.regularizers.l2({ l2: config.lambda }) // expect: WD103
    }).apply(concat);
    this.model = tf.model({ inputs: input, outputs: out });
    return this.model;
  }

  rootMeanSquaredError(yTrue, yPred) {
    return tf.square(yTrue.sub(yPred)).mean().sqrt();
  }

  loss(yTrue, yPred) {
    return tf.tidy(() => {
      const lossParam = this.rootMeanSquaredError(yTrue, yPred);
      const lossSound = tf.zeros(lossParam.shape);
      return tf.mean(lossParam.add(lossSound));
    });
  }

  async train() {
    this.build();
    const optimizer = tf.train.adam(config.learningRate);
    const { xs, ys } = this.data.nextBatch();
    const [xTrain, xVal] = this.data.valSplits(xs, 0.3);
    const [yTrain, yVal] = this.data.valSplits(ys, 0.3);

    for (let j = 0; j < config.iterations; j++) {
      let trainLoss = optimizer.minimize(() => {
        const pred = this.model.predict(xTrain, { batchSize: 10 });
        return this.loss(yTrain, pred);
      }, true);
      trainLoss = Number(trainLoss.dataSync());
      const valLoss = Number(this.loss(yVal, this.model.predict(xVal)).dataSync());
      if (config.verbose) console.log(`Epoch ${j + 1}: ${trainLoss.toFixed(3)} / ${valLoss.toFixed(3)}`);
      await tf.nextFrame();
    }
    await this.model.save('file://./eq-ai');
  }
}

module.exports = new Model();
