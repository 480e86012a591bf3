// Idiom seen in: bobiblazeski/js-gym server/mk/model.js
// Idiom seen in: bobiblazeski/js-gym src/agents/ddpg.js
// What it reproduces: js-gym's actor/critic factories for a DDPG agent; a realistic user edit gives the critic
//   the DDPG paper's L2 (kernelRegularizer l2 1e-2), but ddpg.js trains the critic with
//   criticOptimizer.minimize(() => criticLoss), which never adds the layers' regularization terms.
const STATE_SIZE = 28;
const ACTION_SIZE = 9;
const CRITIC_L2 = 1e-2;

const model = (tf) => {
  const makeActor = () => tf.sequential({
    layers: [
      tf.layers.inputLayer({inputShape: [STATE_SIZE]}),
      tf.layers.batchNormalization(),
      tf.layers.dense({units: 36, activation: 'relu'}),
      tf.layers.dense({units: 27, activation: 'relu'}),
      tf.layers.dense({units: ACTION_SIZE, activation: 'softmax'}),
    ],
  });

  // Can't use 'LeakyReLU' due to https://github.com/tensorflow/tfjs/issues/1093
  const makeCritic = () => {
    const stateInput = tf.input({shape: [STATE_SIZE]});
    const actionInput = tf.input({shape: [ACTION_SIZE]});
    const bn = tf.layers.batchNormalization().apply(stateInput);
    const d1 = tf.layers.dense({
      units: 36,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({l2: CRITIC_L2}), // expect: WD103
    }).apply(bn);
    const d2 = tf.layers.dense({
      units: 27,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({l2: CRITIC_L2}), // expect: WD103
    }).apply(d1);
    const concat = tf.layers.concatenate().apply([d2, actionInput]);
    const d3 = tf.layers.dense({
      units: 16,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({l2: CRITIC_L2}), // expect: WD103
    }).apply(concat);
    const output = tf.layers.dense({units: 1}).apply(d3);
    return tf.model({inputs: [stateInput, actionInput], outputs: output});
  };

  return {makeActor, makeCritic, STATE_SIZE, ACTION_SIZE};
};

module.exports = model;
