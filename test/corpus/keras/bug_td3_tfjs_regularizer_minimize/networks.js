// Idiom seen in: CloudZero2049/TD3-TensorFlowJS Find Target V0.07/TD3script.js
// What it reproduces: TD3 actor/critic tf.sequential models whose dense layers all carry
//   kernelRegularizer l2({l2: 0.1}); they are trained only through model.optimizer.minimize(lossFn, ...) and no loss
//   adds model.calculateLosses(), so the L2 terms never reach a gradient (the repo's real state).
import * as tf from '@tensorflow/tfjs';

export class Critic {
  constructor(inputShape) {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({ inputShape: [inputShape], units: 128, activation: 'relu', kernelInitializer: 'heNormal', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })); // expect: WD103
    this.model.add(tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: 'heNormal', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })); // expect: WD103
    this.model.add(tf.layers.dense({ units: 1, activation: null, kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })); // expect: WD103
  }

  call(inputState, actions, batchSize) {
    const catTensor = tf.concat([inputState, actions], 1);
    return this.model.predict(catTensor, { batchSize });
  }
}

export class Actor {
  constructor(nActions, inputShape) {
    this.model = tf.sequential();
    this.model.add(tf.layers.dense({ inputShape: [inputShape], units: 128, activation: 'relu', kernelInitializer: 'heNormal', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })); // expect: WD103
    this.model.add(tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: 'heNormal', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })); // expect: WD103
    this.model.add(tf.layers.dense({ units: nActions, activation: 'tanh', kernelInitializer: 'glorotUniform', kernelRegularizer: tf.regularizers.l2({ l2: 0.1 }) })); // expect: WD103
  }

  call(stateTensor, batchSize = 64) {
    return this.model.predict(stateTensor, { batchSize });
  }
}
