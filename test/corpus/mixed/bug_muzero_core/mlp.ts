// Idiom seen in: mmeilby/muzerojs src/muzero/networks/implementations/mlp.ts
// Idiom seen in: mmeilby/muzerojs src/muzero/networks/implementations/core.ts
// What it reproduces: MlpNet gives every dense layer kernelRegularizer: l2(weightDecay), but CoreNet
// trains with optimizer.minimize(() => this.calculateLoss(...)), whose loss sums value/policy
// terms only and never adds the sub-models' calculateLosses(): the decay is dead.
import * as tf from '@tensorflow/tfjs-node'

export class MlpNet {
  private readonly hxSize = 16
  private readonly weightDecay = 0.000005
  private readonly hiddenLayerSize: number[]
  private representationModel: tf.Sequential = tf.sequential()
  private valueModel: tf.Sequential = tf.sequential()
  private policyModel: tf.Sequential = tf.sequential()

  constructor (private readonly inputSize: number, private readonly actionSpaceN: number, hiddenLayerSizes: number[] = [16, 16]) {
    this.hiddenLayerSize = hiddenLayerSizes
    this.makeModel()
  }

  public makeModel (): void {
    const repModel = tf.sequential()
    this.makeHiddenLayer(repModel, 'representation_state_hidden', [this.inputSize])
    repModel.add(tf.layers.dense({
      name: 'representation_state_output',
      units: this.hxSize,
      activation: 'tanh',
      kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }), // expect: WD103
      useBias: false
    }))
    this.representationModel = repModel
    const valueModel = tf.sequential()
    this.makeHiddenLayer(valueModel, 'prediction_value_hidden', [this.hxSize])
    valueModel.add(tf.layers.dense({
      name: 'prediction_value_output',
      units: 1,
      activation: 'linear',
      kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }), // expect: WD103
      useBias: false
    }))
    this.valueModel = valueModel
    const policyModel = tf.sequential()
    this.makeHiddenLayer(policyModel, 'prediction_policy_hidden', [this.hxSize])
    policyModel.add(tf.layers.dense({
      name: 'prediction_policy_output',
      units: this.actionSpaceN,
      activation: 'softmax',
      kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }), // expect: WD103
      useBias: false
    }))
    this.policyModel = policyModel
  }

  private makeHiddenLayer (model: tf.Sequential, name: string, inputShape: number[]): void {
    this.hiddenLayerSize.forEach((units, i) => {
      model.add(tf.layers.dense({
        name: `${name}${i + 1}`,
        inputShape: i === 0 ? inputShape : undefined,
        units,
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }), // expect: WD103
        useBias: false
      }))
    })
  }

  public representation (observation: tf.Tensor): tf.Tensor {
    return this.representationModel.predict(observation.reshape([observation.shape[0], -1])) as tf.Tensor
  }

  public value (state: tf.Tensor): tf.Tensor {
    return this.valueModel.predict(state) as tf.Tensor
  }

  public policy (state: tf.Tensor): tf.Tensor {
    return this.policyModel.predict(state) as tf.Tensor
  }
}
