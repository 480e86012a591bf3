// Idiom seen in: mysticatea/tfjs-trial src/ai/agent/evaluation-model.ts
// What it reproduces: the repo's way: a two-headed (value, policy) conv net with kernelRegularizer
// l2 on every conv/dense layer, compiled and trained with model.fit, which adds the layers'
// regularization terms to the loss itself. Clean.
import * as tf from "@tensorflow/tfjs"

const RegularizerRate = 0.0001
const BoardSize = 9

function conv(filters: number, kernelSize: number) {
    return tf.layers.conv2d({
        filters,
        kernelSize,
        padding: "same",
        dataFormat: "channelsFirst",
        useBias: false,
        kernelRegularizer: tf.regularizers.l2({ l2: RegularizerRate }),
    })
}

export function buildGomokuNet(): tf.LayersModel {
    const input = tf.input({ shape: [2, BoardSize, BoardSize] })
    let x = conv(32, 3).apply(input) as tf.SymbolicTensor
    x = tf.layers.batchNormalization({ axis: 1 }).apply(x) as tf.SymbolicTensor
    x = tf.layers.activation({ activation: "relu" }).apply(x) as tf.SymbolicTensor
    x = conv(32, 3).apply(x) as tf.SymbolicTensor
    x = tf.layers.activation({ activation: "relu" }).apply(x) as tf.SymbolicTensor

    const flat = tf.layers.flatten().apply(x) as tf.SymbolicTensor
    const value = tf.layers.dense({
        units: 1,
        activation: "tanh",
        kernelRegularizer: tf.regularizers.l2({ l2: RegularizerRate }),
    }).apply(flat) as tf.SymbolicTensor
    const policy = tf.layers.dense({
        units: BoardSize * BoardSize,
        activation: "softmax",
        kernelRegularizer: tf.regularizers.l2({ l2: RegularizerRate }),
    }).apply(flat) as tf.SymbolicTensor

    const model = tf.model({ inputs: input, outputs: [value, policy] })
    model.compile({
        optimizer: tf.train.sgd(0.01),
        loss: ["meanSquaredError", "categoricalCrossentropy"],
    })
    return model
}

export async function fitSelfPlay(
    model: tf.LayersModel,
    states: Float32Array,
    values: Float32Array,
    policies: Float32Array,
    count: number,
): Promise<void> {
    const x = tf.tensor4d(states, [count, 2, BoardSize, BoardSize])
    const v = tf.tensor2d(values, [count, 1])
    const p = tf.tensor2d(policies, [count, BoardSize * BoardSize])
    try {
        const h = await model.fit(x, [v, p], { batchSize: 64, epochs: 2, shuffle: true })
        console.log("loss", h.history.loss)
    } finally {
        tf.dispose([x, v, p])
    }
}
