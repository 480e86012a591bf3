// Idiom seen in: andnp/mlts src/algorithms/utils/layers.ts
// Idiom seen in: andnp/mlts src/regularizers/regularizers.ts
// Idiom seen in: andnp/mlts src/algorithms/SupervisedDictionaryLearning.ts
// What it reproduces: layers built from JSON layer definitions with kernelRegularizer: regularizeLayer(def),
// then trained the way the repo trains its hand-rolled models (optimizer.minimize over a loss closure) instead
// of model.fit: the loss leaves out model.calculateLosses(), so the L2 regularizers add nothing.
import * as tf from '@tensorflow/tfjs-node';

import { ANN } from './algorithms/ANN';
import { loadDeterding } from './data/deterding';

async function main() {
    const { X, Y, features, classes } = await loadDeterding();
    const ann = new ANN(features, classes, {
        layers: [
            { units: 25, activation: 'sigmoid', type: 'dense', regularizer: { type: 'l2', weight: 1e-3 } },
            { units: 25, activation: 'sigmoid', type: 'dense', regularizer: { type: 'l2', weight: 1e-3 } },
        ],
    });
    const history = await ann.train(X as tf.Tensor2D, Y as tf.Tensor2D, { learningRate: 0.01, iterations: 500 });
    console.log('final loss', history[history.length - 1]);
}

main();
