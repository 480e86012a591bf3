// Idiom seen in: kwichmann/tf_sandbox tfjs/test.js
// What it reproduces: a tf.sequential model with kernelRegularizer on its dense layers, compiled and trained
//   with model.fit, which adds the layers' regularization terms to the loss itself. Clean.
const tf = require('@tensorflow/tfjs-node');

const model = tf.sequential({
    layers: [
        tf.layers.dense({units: 64, inputShape: [10], activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
        tf.layers.dense({units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
        tf.layers.dense({units: 1})
    ]
});
model.compile({optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError'});

const xs = tf.randomNormal([256, 10]);
const ys = xs.sum(1, true).add(tf.randomNormal([256, 1], 0, 0.1));

model.fit(xs, ys, {
    batchSize: 32,
    epochs: 50,
    validationSplit: 0.2
}).then(h => console.log(h.history.loss[h.history.loss.length - 1], h.history.val_loss[h.history.val_loss.length - 1]));
