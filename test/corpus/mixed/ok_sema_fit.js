// Idiom seen in: mimic-sussex/sema client/machineLearning/tfjs/non-linear/two-layer-non-linear.tf
// What it reproduces: sema's live-coding regression model (tf.sequential, compile + fit); the hidden layer here
// carries kernelRegularizer: tf.regularizers.l2, and model.fit adds the regularizer terms to the loss itself. Clean.
var model = tf.sequential();
model.add(tf.layers.dense({
  inputShape: [1],
  units: 50,
  activation: 'sigmoid',
  kernelInitializer: 'leCunNormal',
  kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 })
}));
model.add(tf.layers.dense({ units: 1 }));
model.compile({ loss: 'meanSquaredError', optimizer: tf.train.sgd(0.05) });

var xs = tf.tensor2d([-1, 0, 1, 2, 3, 4], [6, 1]);
var ys = tf.tensor2d([-3, -1, 1, 3, 5, 7], [6, 1]);

model.fit(xs, ys, { epochs: 50, batchSize: 6 }).then(function (result) {
  console.log('INFO:ml.model: Model trained');
  console.dir(result.history.loss);
});

var test = function (x) { return model.predict(tf.tensor2d([x], [1, 1])).dataSync()[0]; };
