// Idiom seen in: andnp/mlts src/algorithms/SupervisedAutoencoder.ts
// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// What it reproduces: supervised autoencoder built from layer definitions with kernelRegularizer:
// regularizeLayer(def) (l2) and trained through an Optimizer.fit helper that calls model.compile + model.fit,
// which adds the layers regularization losses itself. Clean.
import * as tf from '@tensorflow/tfjs';

export interface OptimizationParameters {
    type: 'adam' | 'rmsprop' | 'adadelta';
    learningRate: number;
    iterations: number;
    batchSize?: number;
}

export const getTfOptimizer = (o: OptimizationParameters) => {
    if (o.type === 'adam') return tf.train.adam(o.learningRate);
    if (o.type === 'rmsprop') return tf.train.rmsprop(o.learningRate);
    return tf.train.adadelta(o.learningRate);
};

export const fit = (model: tf.LayersModel, X: tf.Tensor, Y: tf.Tensor | tf.Tensor[], args: tf.ModelFitArgs) => {
    return model.fit(X, Y, args);
};
