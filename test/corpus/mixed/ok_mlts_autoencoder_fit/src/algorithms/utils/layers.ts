// Idiom seen in: andnp/mlts src/algorithms/SupervisedAutoencoder.ts
// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// What it reproduces: supervised autoencoder built from layer definitions with kernelRegularizer:
// regularizeLayer(def) (l2) and trained through an Optimizer.fit helper that calls model.compile + model.fit,
// which adds the layers regularization losses itself. Clean.
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
        kernelRegularizer: regularizeLayer(layerDef.regularizer),
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
