// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// Idiom seen in: andnp/mlts src/regularizers/regularizers.ts
// Idiom seen in: andnp/mlts src/algorithms/SupervisedDictionaryLearning.ts
// What it reproduces: layers built from JSON layer definitions with kernelRegularizer: regularizeLayer(def),
// then trained the way the repo trains its hand-rolled models (optimizer.minimize over a loss closure) instead
// of model.fit: the loss leaves out model.calculateLosses(), so the L2 regularizers add nothing.
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
