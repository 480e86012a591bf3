// Idiom seen in: MirstT/JsDOM tensorflow/setup/setup_by_node.js
// What it reproduces: the tfjs-node "train a simple model" setup script with an L2 kernelRegularizer on the
//   hidden dense layer; the model is trained with compile + fit, which adds the layer's regularization
//   term to the minimized loss. Clean.
/*
 * @Description  : tfjs-node smoke test with regularization
 * @Author       : Mirst
 */
const tf = require("@tensorflow/tfjs");

// Optional Load the binding:
// Use '@tensorflow/tfjs-node-gpu' if running with GPU.
require("@tensorflow/tfjs-node");

// Train a simple model:
const model = tf.sequential();
model.add(
  tf.layers.dense({
    units: 100,
    activation: "relu",
    inputShape: [10],
    kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }),
  })
);
model.add(tf.layers.dense({ units: 1, activation: "linear" }));
model.compile({ optimizer: tf.train.sgd(0.01), loss: "meanSquaredError" });

const xs = tf.randomNormal([100, 10]);
const ys = tf.randomNormal([100, 1]);

model.fit(xs, ys, {
  epochs: 100,
  validationSplit: 0.2,
  callbacks: {
    onEpochEnd: (epoch, log) =>
      console.log(`Epoch ${epoch}: loss = ${log.loss}, val_loss = ${log.val_loss}`),
  },
});
