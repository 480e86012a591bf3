// Idiom seen in: morozig/abstract-strategy-games src/lib/networks.ts
// What it reproduces: the shared layer builders of an AlphaZero-style TF.js agent (conv2d without bias ->
//   batchNormalization -> leakyReLU, residual blocks). Here every conv gets an AlphaZero-style
//   kernelRegularizer l2(1e-4); the model is trained in network.ts by optimizer.minimize, whose loss never
//   adds model.calculateLosses(), so the terms these regularizers produce are never trained on (WD103).
import * as tf from '@tensorflow/tfjs';

export const L2_REG = 1e-4;

export const convLayer2D = (
    input: tf.SymbolicTensor,
    options: {
        numFilters: number;
        kernelSize?: number;
        name: string;
        noActivation?: boolean;
    }
) => {
    const kernelSize = options.kernelSize || 3;
    let network = tf.layers.conv2d({
        kernelSize,
        filters: options.numFilters,
        strides: 1,
        padding: 'same',
        name: options.name,
        useBias: false,
        kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) // expect: WD103
    }).apply(input) as tf.SymbolicTensor;
    network = tf.layers.batchNormalization({ name: `${options.name}_bn`, axis: 3 })
        .apply(network) as tf.SymbolicTensor;
    if (!options.noActivation) {
        network = tf.layers.leakyReLU().apply(network) as tf.SymbolicTensor;
    }
    return network;
};

const residualLayer2D = (
    input: tf.SymbolicTensor,
    options: { id: number; numFilters: number; kernelSize?: number; }
) => {
    let network = convLayer2D(input, {
        name: `residual${options.id}_conv2d1`,
        numFilters: options.numFilters,
        kernelSize: options.kernelSize
    });
    network = convLayer2D(network, {
        name: `residual${options.id}_conv2d2`,
        numFilters: options.numFilters,
        kernelSize: options.kernelSize,
        noActivation: true
    });
    network = tf.layers.add().apply([network, input]) as tf.SymbolicTensor;
    return tf.layers.leakyReLU().apply(network) as tf.SymbolicTensor;
};

export const residualNetwork2D = (
    input: tf.SymbolicTensor,
    options: { numLayers: number; numFilters: number; kernelSize?: number; }
) => {
    let network = convLayer2D(input, {
        name: 'residual0_conv2d',
        numFilters: options.numFilters,
        kernelSize: options.kernelSize
    });
    for (let i = 1; i <= options.numLayers; i++) {
        network = residualLayer2D(network, {
            id: i,
            numFilters: options.numFilters,
            kernelSize: options.kernelSize
        });
    }
    return network;
};
