// Idiom seen in: iub-cse-shq/luvmusic luvmusic-song-recommendation/tensorflow_feature.js
// What it reproduces: a Node song-feature regressor (require('@tensorflow/tfjs') + tfjs-node, tf.sequential of
//   dense layers, random/normalised feature tensors). Clean variant of its model.fit: a hand-written loop with
//   optimizer.minimize whose loss adds the regularizer terms returned by model.calculateLosses(), so the
//   kernelRegularizer l2 on the hidden layer is trained on.
var tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-node');

var model = tf.sequential();
model.add(tf.layers.dense({
  units: 100,
  activation: 'relu',
  inputShape: [10],
  kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 })
}));
model.add(tf.layers.dense({ units: 1, activation: 'linear' }));

var optimizer = tf.train.adam(0.001);

var xs = tf.randomNormal([100, 10]);
var ys = tf.randomNormal([100, 1]);

async function trainModel(epochs) {
  for (var epoch = 0; epoch < epochs; epoch++) {
    var cost = optimizer.minimize(function () {
      var preds = model.predict(xs);
      var dataLoss = tf.losses.meanSquaredError(ys, preds);
      return tf.addN([dataLoss].concat(model.calculateLosses()));
    }, true);
    console.log('Epoch ' + epoch + ': loss = ' + cost.dataSync()[0]);
    cost.dispose();
    await tf.nextFrame();
  }
}

trainModel(100).then(function () {
  model.save('file://./song-feature-model');
});
