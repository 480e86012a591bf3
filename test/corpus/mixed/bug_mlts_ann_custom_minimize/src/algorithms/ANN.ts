// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// Idiom seen in: andnp/mlts src/regularizers/regularizers.ts
// Idiom seen in: andnp/mlts src/algorithms/SupervisedDictionaryLearning.ts
// What it reproduces: layers built from JSON layer definitions with kernelRegularizer: regularizeLayer(def),
// then trained the way the repo trains its hand-rolled models (optimizer.minimize over a loss closure) instead
// of model.fit: the loss leaves out model.calculateLosses(), so the L2 regularizers add nothing.
import * as tf from '@tensorflow/tfjs';

import { constructTFNetwork, LayerMetaParameters } from './utils/layers';

export interface ANNMetaParameters {
    layers: LayerMetaParameters[];
}

export interface OptimizationParameters {
    learningRate: number;
    iterations: number;
}

export class ANN {
    readonly model: tf.LayersModel;

    constructor(features: number, classes: number, readonly opts: ANNMetaParameters) {
        const inputs = tf.input({ shape: [features] });
        const network = constructTFNetwork(opts.layers, inputs);
        const hidden = network[network.length - 1];
        const outputs = tf.layers.dense({ units: classes, activation: 'softmax' }).apply(hidden) as tf.SymbolicTensor;
        this.model = tf.model({ inputs: [inputs], outputs: [outputs] });
    }

    loss(X: tf.Tensor2D, Y: tf.Tensor2D) {
        const Y_hat = this.model.predict(X) as tf.Tensor2D;
        return tf.losses.softmaxCrossEntropy(Y, Y_hat) as tf.Scalar;
    }

    async train(X: tf.Tensor2D, Y: tf.Tensor2D, o: OptimizationParameters) {
        const optimizer = tf.train.adam(o.learningRate);
        const history: number[] = [];
        for (let i = 0; i < o.iterations; ++i) {
            const cost = optimizer.minimize(() => this.loss(X, Y), true);
            history.push(cost!.dataSync()[0]);
            cost!.dispose();
            await tf.nextFrame();
        }
        return history;
    }
}
