// Idiom seen in: mwdchang/tfjs-gan gan.js
// What it reproduces: a GAN written with raw tf.variable weights and optimizer.minimize closures; a user adds an L2 penalty on the
// discriminator kernels inside the closure but returns only the BCE terms, so the penalty is computed and dropped (WD104, user mistake).
const BATCH = 200;
const SIZE = 28;
const INPUT_SIZE = SIZE * SIZE;
const SEED_SIZE = 40;
const SEED_STD = 3.5;
const ONES = tf.ones([BATCH, 1]);
const ONES_PRIME = tf.ones([BATCH, 1]).mul(tf.scalar(0.98));
const ZEROS = tf.zeros([BATCH, 1]);

const DISCRIMINATOR_LEARNING_RATE = 0.025;
const GENERATOR_LEARNING_RATE = 0.025;
const D_WEIGHT_DECAY = tf.scalar(1e-4);
const dOptimizer = tf.train.sgd(DISCRIMINATOR_LEARNING_RATE);
const gOptimizer = tf.train.sgd(GENERATOR_LEARNING_RATE);

const varInitNormal = (shape, mean = 0, std = 0.1) => tf.variable(tf.randomNormal(shape, mean, std));
const seed = (s = BATCH) => tf.randomNormal([s, SEED_SIZE], 0, SEED_STD);

let G1w = varInitNormal([SEED_SIZE, 140]);
let G1b = varInitNormal([140]);
let G2w = varInitNormal([140, INPUT_SIZE]);
let G2b = varInitNormal([INPUT_SIZE]);

let D1w = varInitNormal([INPUT_SIZE, 200]);
let D1b = varInitNormal([200]);
let D2w = varInitNormal([200, 90]);
let D2b = varInitNormal([90]);
let D3w = varInitNormal([90, 1]);
let D3b = varInitNormal([1]);

function gen(xs) {
  const l1 = tf.leakyRelu(xs.matMul(G1w).add(G1b));
  return tf.tanh(l1.matMul(G2w).add(G2b));
}

function disReal(xs) {
  const l1 = tf.leakyRelu(xs.matMul(D1w).add(D1b));
  const l2 = tf.leakyRelu(l1.matMul(D2w).add(D2b));
  const logits = l2.matMul(D3w).add(D3b);
  return [logits, tf.sigmoid(logits)];
}

function disFake(xs) {
  return disReal(gen(xs));
}

function sigmoidCrossEntropyWithLogits(target, output) {
  return tf.tidy(() => {
    const maxOutput = tf.maximum(output, tf.zerosLike(output));
    const outputXTarget = tf.mul(output, target);
    const sigmoidOutput = tf.log(tf.add(tf.scalar(1.0), tf.exp(tf.neg(tf.abs(output)))));
    return tf.add(tf.sub(maxOutput, outputXTarget), sigmoidOutput);
  });
}

async function trainBatch(realBatch, fakeBatch) {
  const dcost = dOptimizer.minimize(() => {
    const [logitsReal] = disReal(realBatch);
    const [logitsFake] = disFake(fakeBatch);
    const lossReal = sigmoidCrossEntropyWithLogits(ONES_PRIME, logitsReal);
    const lossFake = sigmoidCrossEntropyWithLogits(ZEROS, logitsFake);
    const dPenalty = tf.mul(D_WEIGHT_DECAY, tf.addN([tf.sum(tf.square(D1w)), tf.sum(tf.square(D2w)), tf.sum(tf.square(D3w))])); // expect: WD104
    return lossReal.add(lossFake).mean();
  }, true, [D1w, D1b, D2w, D2b, D3w, D3b]);
  await tf.nextFrame();

  const gcost = gOptimizer.minimize(() => {
    const [logitsFake] = disFake(fakeBatch);
    return sigmoidCrossEntropyWithLogits(ONES, logitsFake).mean();
  }, true, [G1w, G1b, G2w, G2b]);
  await tf.nextFrame();

  return [dcost, gcost];
}
