// Idiom seen in: andnp/mlts src/algorithms/SupervisedAutoencoder.ts
// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// What it reproduces: supervised autoencoder built from layer definitions with kernelRegularizer:
// regularizeLayer(def) (l2) and trained through an Optimizer.fit helper that calls model.compile + model.fit,
// which adds the layers regularization losses itself. Clean.
import * as tf from '@tensorflow/tfjs';

import * as Optimizer from '../optimization/Optimizer';
import { constructTFNetwork, LayerMetaParameters } from './utils/layers';

export class SupervisedAutoencoder {
    readonly model: tf.LayersModel;

    constructor(private features: number, private classes: number, private layers: LayerMetaParameters[]) {
        const inputs = tf.input({ shape: [features] });
        const middle = Math.floor(layers.length / 2);
        layers[middle].name = 'representationLayer';
        const network = constructTFNetwork(layers, inputs);
        const outputs_y = tf.layers.dense({ units: classes, activation: 'softmax', name: 'out_y' })
            .apply(network[middle]) as tf.SymbolicTensor;
        const outputs_x = tf.layers.dense({ units: features, activation: 'linear', name: 'out_x' })
            .apply(network[network.length - 1]) as tf.SymbolicTensor;
        this.model = tf.model({ inputs: [inputs], outputs: [outputs_y, outputs_x] });
    }

    async train(X: tf.Tensor2D, Y: tf.Tensor2D, o: Optimizer.OptimizationParameters) {
        this.model.compile({
            optimizer: Optimizer.getTfOptimizer(o),
            loss: ['categoricalCrossentropy', 'meanSquaredError'],
            metrics: ['accuracy'],
        });
        return Optimizer.fit(this.model, X, [Y, X], {
            batchSize: o.batchSize || X.shape[0],
            epochs: o.iterations,
            shuffle: true,
        });
    }
}

export async function runExperiment(X: tf.Tensor2D, Y: tf.Tensor2D) {
    const sae = new SupervisedAutoencoder(X.shape[1], Y.shape[1], [
        { units: 50, activation: 'sigmoid', type: 'dense', regularizer: { type: 'l2', weight: 1e-3 } },
        { units: 25, activation: 'sigmoid', type: 'dense', regularizer: { type: 'l2', weight: 1e-3 } },
        { units: 50, activation: 'sigmoid', type: 'dense', regularizer: { type: 'l2', weight: 1e-3 } },
    ]);
    return sae.train(X, Y, { type: 'adam', learningRate: 0.001, iterations: 100, batchSize: 64 });
}
