// Idiom seen in: mmeilby/muzerojs src/muzero/networks/implementations/mlp.ts
// Idiom seen in: mmeilby/muzerojs src/muzero/networks/implementations/core.ts
// What it reproduces: MlpNet gives every dense layer kernelRegularizer: l2(weightDecay), but CoreNet
// trains with optimizer.minimize(() => this.calculateLoss(...)), whose loss sums value/policy
// terms only and never adds the sub-models' calculateLosses(): the decay is dead.
import * as tf from '@tensorflow/tfjs-node'
import { type MlpNet } from './mlp'
import { type ReplayBuffer } from '../replaybuffer/replaybuffer'

export interface TrainConfig {
  lrInit: number
  lrDecayRate: number
  momentum: number
  batchSize: number
  valueScale: number
}

export class CoreNet {
  constructor (private readonly model: MlpNet, private readonly config: TrainConfig) {}

  public trainInference (replayBuffer: ReplayBuffer): number {
    const optimizer = tf.train.rmsprop(this.config.lrInit, this.config.lrDecayRate, this.config.momentum)
    const cost = optimizer.minimize(() => this.calculateLoss(replayBuffer), true)
    const total = cost !== null ? cost.dataSync()[0] : 0
    cost?.dispose()
    optimizer.dispose()
    return total
  }

  private calculateLoss (replayBuffer: ReplayBuffer): tf.Scalar {
    return tf.tidy(() => {
      const samples = replayBuffer.sampleBatch(this.config.batchSize)
      const images = tf.concat(samples.map(batch => batch.image))
      const hidden = this.model.representation(images)
      const valueTargets = tf.concat(samples.map(batch => batch.targets[0].value))
      const policyTargets = tf.concat(samples.map(batch => batch.targets[0].policy))
      const lossV = tf.losses.meanSquaredError(valueTargets, this.model.value(hidden))
      const lossP = tf.losses.softmaxCrossEntropy(policyTargets, this.model.policy(hidden))
      return lossV.mul(this.config.valueScale).add(lossP) as tf.Scalar
    })
  }
}
