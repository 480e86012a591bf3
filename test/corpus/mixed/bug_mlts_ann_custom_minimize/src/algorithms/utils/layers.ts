// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// Idiom seen in: andnp/mlts src/regularizers/regularizers.ts
// Idiom seen in: andnp/mlts src/algorithms/SupervisedDictionaryLearning.ts
// What it reproduces: layers built from JSON layer definitions with kernelRegularizer: regularizeLayer(def),
// then trained the way the repo trains its hand-rolled models (optimizer.minimize over a loss closure) instead
// of model.fit: the loss leaves out model.calculateLosses(), so the L2 regularizers add nothing.
import * as tf from '@tensorflow/tfjs';

import { RegularizerParameters, regularizeLayer } from '../../regularizers/regularizers';

export interface LayerMetaParameters {
    regularizer: RegularizerParameters;
    units: number;
    activation: 'sigmoid' | 'linear' | 'relu';
    type: 'dense';
    name?: string;
}

export const constructTFLayer = (layerDef: LayerMetaParameters) => {
    return tf.layers.dense({
        units: layerDef.units,
        kernelRegularizer: regularizeLayer(layerDef.regularizer), // expect: WD103
        activation: layerDef.activation,
        name: layerDef.name,
    });
};

export const constructTFNetwork = (layerDefs: LayerMetaParameters[], input: tf.SymbolicTensor) => {
    let prevLayer = input;
    return layerDefs.map((layerDef) => {
        prevLayer = constructTFLayer(layerDef).apply(prevLayer) as tf.SymbolicTensor;
        return prevLayer;
    });
};
