// Idiom seen in: namenu/tfjs-cljs src/tfjs_cljs/train.cljs
// What it reproduces: a TF.js custom training loop through optimizer.minimize (the call that repo
//   wraps). The model's kernelRegularizer terms are read with model.calculateLosses() inside the
//   minimized closure, so the decay reaches the gradients: clean.
import * as tf from '@tensorflow/tfjs';
import { loadIris } from './data';  // not part of this program

const WEIGHT_DECAY = 1e-4;

function buildClassifier(): tf.LayersModel {
  const input = tf.input({ shape: [4] });
  const h = tf.layers.dense({
    units: 16,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
  }).apply(input) as tf.SymbolicTensor;
  const out = tf.layers.dense({
    units: 3,
    kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
  }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

export async function run(): Promise<void> {
  const { xTrain, yTrain } = await loadIris();
  const model = buildClassifier();
  const optimizer = tf.train.sgd(0.05);
  for (let step = 0; step < 300; step++) {
    const loss = optimizer.minimize(() => {
      const logits = model.predict(xTrain) as tf.Tensor;
      const dataLoss = tf.losses.softmaxCrossEntropy(yTrain, logits);
      return tf.addN([dataLoss, ...model.calculateLosses()]) as tf.Scalar;
    }, true);
    if (step % 25 === 0 && loss) {
      console.log(step, loss.dataSync()[0]);
      loss.dispose();
    }
  }
}
