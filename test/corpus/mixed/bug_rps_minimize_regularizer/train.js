// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/definition.js
// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/train.js
// What it reproduces: the rock-paper-scissors policy net (a tf.sequential in its own module), here with L2 kernelRegularizers,
//   updated from the reward by a hand-written optimizer.minimize(() => mse) instead of the repo's model.fit: the loss
//   leaves out model.calculateLosses(), so the regularizers add nothing (user change; the repo trains with fit).
const tf = require('@tensorflow/tfjs');
const { model, optimizer } = require('./definition');
const { plotProbs } = require('./plotProbs');
const { convertToOneHot } = require('./convertToOneHot');

function train(myMove, opMoveIdx, reward) {
  const intMove = convertToOneHot(myMove);
  const xs = tf.tensor2d(intMove, [1, 3]);
  const logits = model.predict(xs).arraySync()[0];

  // update model towards the rewarded move
  logits[opMoveIdx] = logits[opMoveIdx] + reward;
  const ys = tf.tensor2d(logits, [1, 3]);

  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs)));
  xs.dispose();
  ys.dispose();
  plotProbs();
}

module.exports = { train };
