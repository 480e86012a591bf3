// Idiom seen in: tensorflow/tfjs tfjs-layers/src/engine/training.ts
// What it reproduces: a custom optimizer.minimize(() => loss) loop over a tf.data dataset for a
//   LayersModel with kernelRegularizer l2; the closure adds model.calculateLosses() (the same
//   regularizer penalties fit() adds in training.ts) to the task loss, so the decay reaches the optimizer.
// label-note: clean. Regularizers are on kernels only; momentum SGD has no decay of its own.
import * as tf from '@tensorflow/tfjs-node';
import { loadTrainDataset, NUM_CLASSES } from './dataset';

const WEIGHT_DECAY = 5e-4;
const LEARNING_RATE = 0.01;

function createModel(inputDim: number): tf.LayersModel {
  const input = tf.input({ shape: [inputDim] });
  let x = input as tf.SymbolicTensor;
  for (const units of [256, 128]) {
    x = tf.layers.dense({
      units,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
    }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dropout({ rate: 0.2 }).apply(x) as tf.SymbolicTensor;
  }
  const logits = tf.layers.dense({
    units: NUM_CLASSES,
    kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
  }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits });
}

async function main() {
  const dataset = await loadTrainDataset();
  const model = createModel(784);
  const optimizer = tf.train.momentum(LEARNING_RATE, 0.9);

  for (let epoch = 0; epoch < 10; epoch++) {
    await dataset.forEachAsync(async (e: any) => {
      const cost = optimizer.minimize(() => {
        const outputs = model.apply(e.xs, { training: true }) as tf.Tensor;
        const ce = tf.losses.softmaxCrossEntropy(e.ys, outputs);
        const regLoss = tf.addN(model.calculateLosses());
        return tf.add(ce, regLoss) as tf.Scalar;
      }, true);
      if (cost) {
        console.log(`epoch ${epoch} loss ${cost.dataSync()[0]}`);
        cost.dispose();
      }
    });
  }
  await model.save('file://./checkpoints/mlp');
}

main();
