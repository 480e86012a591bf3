// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/definition.js
// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/train.js
// What it reproduces: the rock-paper-scissors policy net with L2 kernelRegularizers, compiled and updated from the reward
//   with model.fit as the repo does, so TF.js adds the regularization terms to the loss itself: clean.
const tf = require('@tensorflow/tfjs');
const { model } = require('./definition');
const { plotProbs } = require('./plotProbs');
const { convertToOneHot } = require('./convertToOneHot');

function train(myMove, opMoveIdx, reward) {
  const intMove = convertToOneHot(myMove);
  const xs = tf.tensor2d(intMove, [1, 3]);
  const logits = model.predict(xs).arraySync()[0];

  // update model
  logits[opMoveIdx] = logits[opMoveIdx] + reward;
  const ys = tf.tensor2d(logits, [1, 3]);
  return model.fit(xs, ys).then(() => {
    plotProbs();
  });
}

module.exports = { train };
