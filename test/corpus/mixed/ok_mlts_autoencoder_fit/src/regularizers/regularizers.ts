// Idiom seen in: andnp/mlts src/algorithms/SupervisedAutoencoder.ts
// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// What it reproduces: supervised autoencoder built from layer definitions with kernelRegularizer:
// regularizeLayer(def) (l2) and trained through an Optimizer.fit helper that calls model.compile + model.fit,
// which adds the layers regularization losses itself. Clean.
import * as tf from '@tensorflow/tfjs';

export interface RegularizerParameters {
    type: 'l1' | 'l2';
    weight: number;
}

export const regularizeLayer = (params: RegularizerParameters) => {
    switch (params.type) {
        case 'l1': return tf.regularizers.l1({ l1: params.weight });
        case 'l2': return tf.regularizers.l2({ l2: params.weight });
        default: throw new Error("I don't know this regularizer yet..");
    }
};
