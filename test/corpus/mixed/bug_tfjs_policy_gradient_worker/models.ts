// Idiom seen in: brandosha/browser-rl src/rl-worker.js, src/PolicyNetwork.js
// What it reproduces: the policy-model factory of a browser REINFORCE agent, here with an L2 kernel
//   regularizer on every hidden dense layer. The model is never compiled: PolicyNetwork
//   (policy-network.ts) trains it with optimizer.computeGradients/applyGradients on a loss that never
//   adds model.calculateLosses(), so the regularizer penalty never reaches an update.
// label-note: one WD103 on the single kernelRegularizer line (the forEach builds every hidden layer there).
import * as tf from '@tensorflow/tfjs'

export interface PolicyModelOptions {
    numInputs: number
    numActions: number
    hiddenUnits: number[]
    l2?: number
}

export function createPolicyModel({
    numInputs,
    numActions,
    hiddenUnits,
    l2 = 1e-3,
}: PolicyModelOptions): tf.LayersModel {
    const regularizer = tf.regularizers.l2({ l2 })
    const model = tf.sequential()
    model.add(tf.layers.inputLayer({ inputShape: [numInputs] }))
    hiddenUnits.forEach((units) => {
        model.add(
            tf.layers.dense({
                units,
                activation: 'elu',
                kernelInitializer: 'heNormal',
                kernelRegularizer: regularizer, // expect: WD103
            })
        )
    })
    model.add(tf.layers.dense({ units: numActions }))
    model.add(tf.layers.softmax())
    return model
}
