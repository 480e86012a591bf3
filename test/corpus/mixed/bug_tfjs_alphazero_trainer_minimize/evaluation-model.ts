// Idiom seen in: mysticatea/tfjs-trial src/ai/agent/evaluation-model.ts
// Idiom seen in: mysticatea/tfjs-trial src/ai/training.ts
// What it reproduces: AlphaZero-style value/policy net whose conv and dense layers all carry
// kernelRegularizer l2; the repo trains it with model.fit, here the user swapped fit for a custom
// optimizer.minimize loop (see trainer.ts) whose loss never adds model.calculateLosses() (user mistake).
import * as tf from "@tensorflow/tfjs"

export const RegularizerRate = 0.0001
const CnnFilters = 64
const CnnKernelSize = [4, 4]
const NumResidualLayers = 4

export interface Dimension {
    stateSize: [number, number, number]
    actionSize: number
}

type Layer = ReturnType<typeof tf.layers.conv2d>

function conv2d(filters: number, kernelSize: number[]): Layer {
    return tf.layers.conv2d({
        filters,
        kernelSize,
        dataFormat: "channelsFirst",
        padding: "same",
        useBias: false,
        kernelRegularizer: tf.regularizers.l2({ l2: RegularizerRate }), // expect: WD103
    })
}

function sequence(input: tf.SymbolicTensor, ...layers: Layer[]): tf.SymbolicTensor {
    return layers.reduce((x, layer) => layer.apply(x) as tf.SymbolicTensor, input)
}

function residual(input: tf.SymbolicTensor): tf.SymbolicTensor {
    const out = sequence(
        input,
        conv2d(CnnFilters, CnnKernelSize),
        tf.layers.batchNormalization({ axis: 1 }),
        tf.layers.activation({ activation: "relu" }),
        conv2d(CnnFilters, CnnKernelSize),
        tf.layers.batchNormalization({ axis: 1 }),
    )
    const added = tf.layers.add().apply([input, out]) as tf.SymbolicTensor
    return tf.layers.activation({ activation: "relu" }).apply(added) as tf.SymbolicTensor
}

export function defineModel({ stateSize, actionSize }: Dimension): tf.LayersModel {
    const input = tf.input({ name: "INPUT", shape: stateSize })
    let hidden = sequence(
        input,
        conv2d(CnnFilters, CnnKernelSize),
        tf.layers.batchNormalization({ axis: 1 }),
        tf.layers.activation({ activation: "relu" }),
    )
    for (let i = 0; i < NumResidualLayers; ++i) {
        hidden = residual(hidden)
    }

    const value = sequence(
        hidden,
        conv2d(1, [1, 1]),
        tf.layers.flatten(),
        tf.layers.dense({
            units: 20,
            useBias: false,
            activation: "relu",
            kernelRegularizer: tf.regularizers.l2({ l2: RegularizerRate }), // expect: WD103
        }),
        tf.layers.dense({
            units: 1,
            useBias: false,
            activation: "tanh",
            kernelRegularizer: tf.regularizers.l2({ l2: RegularizerRate }), // expect: WD103
        }),
    )

    const policy = sequence(
        hidden,
        conv2d(2, [1, 1]),
        tf.layers.flatten(),
        tf.layers.dense({
            units: actionSize,
            useBias: false,
            kernelRegularizer: tf.regularizers.l2({ l2: RegularizerRate }), // expect: WD103
        }),
    )

    return tf.model({ inputs: [input], outputs: [value, policy] })
}
