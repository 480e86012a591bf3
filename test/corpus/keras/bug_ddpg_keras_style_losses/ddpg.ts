// Idiom seen in: thibo73800/metacar demo/webapp/public/js/ddpg/ddpg.js
// Idiom seen in: thibo73800/metacar demo/webapp/public/js/ddpg/models.js
// What it reproduces: metacar's DDPG.trainCritic, with the critic loss written the Keras way
//   (tf.addN([mse, ...model.losses])); TF.js model.losses is empty for tf.model, so the critic's kernelRegularizer
//   terms (models.ts) never join the loss that criticOptimiser.minimize differentiates.
import * as tf from '@tensorflow/tfjs';

import {Critic, DDPGConfig} from './models';

export class DDPG {
  critic: Critic;
  criticTarget: Critic;
  config: DDPGConfig;
  criticOptimiser: tf.Optimizer;
  criticWeights: tf.Variable[];
  tfGamma: tf.Scalar;

  constructor(config: DDPGConfig) {
    this.config = config;
    this.tfGamma = tf.scalar(config.gamma);
    const obsInput = tf.input({batchShape: [null, config.stateSize]});
    const actionInput = tf.input({batchShape: [null, config.nbActions]});
    this.critic = new Critic(config);
    this.critic.buildModel(obsInput, actionInput);
    this.criticTarget = new Critic(config);
    this.criticTarget.buildModel(obsInput, actionInput);
    this.criticOptimiser = tf.train.adam(config.criticLr);
    this.criticWeights = this.critic.model.trainableWeights.map((w) => (w as any).val as tf.Variable);
  }

  trainCritic(tfActions: tf.Tensor, tfObs0: tf.Tensor, tfTargetQ: tf.Tensor, tfRewards: tf.Tensor,
              tfTerminals: tf.Tensor): number {
    const criticLoss = this.criticOptimiser.minimize(() => {
      const tfQPredictions0 = this.critic.model.predict([tfObs0, tfActions]) as tf.Tensor;
      const tfQTargets = tfRewards.add(tf.scalar(1).sub(tfTerminals).mul(this.tfGamma).mul(tfTargetQ));
      const mse = tf.sub(tfQTargets, tfQPredictions0).square().mean();
      // add the critic's L2 terms, as in Keras: loss + sum(model.losses)
      return tf.addN([mse, ...(this.critic.model.losses as tf.Scalar[])]) as tf.Scalar;
    }, true, this.criticWeights);

    const loss = criticLoss!.dataSync()[0];
    criticLoss!.dispose();
    return loss;
  }

  optimizeCritic(batch: {obs0: number[][], actions: number[][], obs1: number[][], rewards: number[],
                         terminals: number[]}): number {
    return tf.tidy(() => {
      const tfObs0 = tf.tensor2d(batch.obs0);
      const tfActions = tf.tensor2d(batch.actions);
      const tfTargetQ = this.criticTarget.model.predict([tf.tensor2d(batch.obs1), tfActions]) as tf.Tensor;
      const tfRewards = tf.tensor1d(batch.rewards).expandDims(1);
      const tfTerminals = tf.tensor1d(batch.terminals).expandDims(1);
      return this.trainCritic(tfActions, tfObs0, tfTargetQ, tfRewards, tfTerminals);
    });
  }
}
