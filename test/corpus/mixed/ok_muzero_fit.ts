// Idiom seen in: mmeilby/muzerojs src/muzero/networks/network.ts
// What it reproduces: the MuZero representation/prediction networks built from tf.layers.dense with
// kernelRegularizer: tf.regularizers.l2({ l2: weightDecay }), compiled and trained with model.fit,
// which adds the layers' regularization losses itself. Clean.
import * as tf from '@tensorflow/tfjs-node'

export class MuZeroNet {
  private readonly hxSize = 32
  private readonly hiddenLayerSize = 64
  private readonly weightDecay = 0.0001
  private readonly initialInferenceModel: tf.LayersModel

  constructor (inputSize: number, private readonly actionSpaceN: number, learningRate: number) {
    const observationInput = tf.input({ shape: [inputSize], name: 'observation_input' })
    const hidden = this.makeHiddenLayer('representation_state_hidden').apply(observationInput) as tf.SymbolicTensor
    const state = tf.layers.dense({
      name: 'representation_state_output',
      units: this.hxSize,
      activation: 'softsign',
      kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }),
      useBias: false
    }).apply(hidden) as tf.SymbolicTensor
    const policy = tf.layers.dense({
      name: 'prediction_policy_output',
      units: this.actionSpaceN,
      activation: 'softmax',
      kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }),
      useBias: false
    }).apply(this.makeHiddenLayer('prediction_policy_hidden').apply(state)) as tf.SymbolicTensor
    const value = tf.layers.dense({
      name: 'prediction_value_output',
      units: 1,
      kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }),
      useBias: false
    }).apply(this.makeHiddenLayer('prediction_value_hidden').apply(state)) as tf.SymbolicTensor
    this.initialInferenceModel = tf.model({ name: 'initial', inputs: observationInput, outputs: [policy, value] })
    this.initialInferenceModel.compile({
      optimizer: tf.train.sgd(learningRate),
      loss: {
        prediction_policy_output: tf.losses.softmaxCrossEntropy,
        prediction_value_output: tf.losses.meanSquaredError
      }
    })
  }

  private makeHiddenLayer (name: string): tf.layers.Layer {
    return tf.layers.dense({
      name,
      units: this.hiddenLayerSize,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: this.weightDecay }),
      useBias: false
    })
  }

  public async trainInference (observations: tf.Tensor2D, targetPolicies: tf.Tensor2D, targetValues: tf.Tensor2D): Promise<number> {
    const history = await this.initialInferenceModel.fit(observations, {
      prediction_policy_output: targetPolicies,
      prediction_value_output: targetValues
    }, { batchSize: 16, epochs: 1, shuffle: true, verbose: 0 })
    return history.history.loss[0] as number
  }
}
