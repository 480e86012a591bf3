// Idiom seen in: thibo73800/metacar demo/webapp/public/js/ddpg/models.js
// Idiom seen in: thibo73800/metacar demo/webapp/public/js/ddpg/ddpg.js
// What it reproduces: metacar's DDPG Critic (layers applied by hand, wrapped in tf.model) ported to TypeScript
//   with the DDPG paper's critic L2; ddpg.ts adds `...this.critic.model.losses` to the loss the Keras way, but in
//   TF.js model.losses does not hold regularizer terms (calculateLosses() does): the decay never trains.
import * as tf from '@tensorflow/tfjs';

export interface DDPGConfig {
  stateSize: number;
  nbActions: number;
  criticFirstLayerSSize: number;
  criticFirstLayerASize: number;
  criticSecondLayerSize: number;
  criticL2: number;
  seed: number;
  tau: number;
  gamma: number;
  actorLr: number;
  criticLr: number;
  batchSize: number;
}

export class Critic {
  config: DDPGConfig;
  model!: tf.LayersModel;
  predict!: (s?: tf.Tensor, a?: tf.Tensor) => tf.Tensor;
  private firstLayerS!: tf.layers.Layer;
  private firstLayerA!: tf.layers.Layer;
  private secondLayer!: tf.layers.Layer;
  private outputLayer!: tf.layers.Layer;

  constructor(config: DDPGConfig) {
    this.config = config;
  }

  buildModel(obs: tf.SymbolicTensor, action: tf.SymbolicTensor) {
    const add = tf.layers.add();
    this.firstLayerS = tf.layers.dense({
      units: this.config.criticFirstLayerSSize,
      kernelInitializer: tf.initializers.glorotUniform({seed: this.config.seed}),
      kernelRegularizer: tf.regularizers.l2({l2: this.config.criticL2}), // expect: WD103
      activation: 'linear',
    });
    this.firstLayerA = tf.layers.dense({
      units: this.config.criticFirstLayerASize,
      kernelInitializer: tf.initializers.glorotUniform({seed: this.config.seed}),
      kernelRegularizer: tf.regularizers.l2({l2: this.config.criticL2}), // expect: WD103
      activation: 'linear',
    });
    this.secondLayer = tf.layers.dense({
      units: this.config.criticSecondLayerSize,
      kernelInitializer: tf.initializers.glorotUniform({seed: this.config.seed}),
      kernelRegularizer: tf.regularizers.l2({l2: this.config.criticL2}), // expect: WD103
      activation: 'relu',
    });
    this.outputLayer = tf.layers.dense({
      units: 1,
      kernelInitializer: tf.initializers.randomUniform({minval: -0.003, maxval: 0.003, seed: this.config.seed}),
      activation: 'linear',
    });

    this.predict = (tfState?: tf.Tensor, tfActions?: tf.Tensor) => tf.tidy(() => {
      const s = tfState ?? obs;
      const a = tfActions ?? action;
      const l1A = this.firstLayerA.apply(a) as tf.Tensor;
      const l1S = this.firstLayerS.apply(s) as tf.Tensor;
      const merged = add.apply([l1A, l1S]) as tf.Tensor;
      const l2 = this.secondLayer.apply(merged) as tf.Tensor;
      return this.outputLayer.apply(l2) as tf.Tensor;
    });

    const l1A = this.firstLayerA.apply(action) as tf.SymbolicTensor;
    const l1S = this.firstLayerS.apply(obs) as tf.SymbolicTensor;
    const out = this.outputLayer.apply(
      this.secondLayer.apply(add.apply([l1A, l1S]) as tf.SymbolicTensor)) as tf.SymbolicTensor;
    this.model = tf.model({inputs: [obs, action], outputs: out});
  }
}
