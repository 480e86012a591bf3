// Idiom seen in: zemlyansky/gpt-tfjs src/train.mts
// What it reproduces: gpt-tfjs's custom loop (opt.computeGradients(optFunc) + applyGradients) for a model whose
//   dense layers carry kernelRegularizer; the loss adds model.calculateLosses(), the TF.js call that returns
//   the regularizer terms, inside the function that is differentiated. Clean.
import * as tf from "@tensorflow/tfjs-node";
import { loadTabularDataset } from "./data";

function buildModel(inputDim: number, hidden: number, numClasses: number, l2: number): tf.LayersModel {
  const inputs = tf.input({ shape: [inputDim] });
  let x = tf.layers
    .dense({ name: "fc1", units: hidden, activation: "relu", kernelRegularizer: tf.regularizers.l2({ l2 }) })
    .apply(inputs) as tf.SymbolicTensor;
  x = tf.layers
    .dense({ name: "fc2", units: hidden, activation: "relu", kernelRegularizer: tf.regularizers.l2({ l2 }) })
    .apply(x) as tf.SymbolicTensor;
  const logits = tf.layers
    .dense({ name: "head", units: numClasses, kernelRegularizer: tf.regularizers.l2({ l2 }) })
    .apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs, outputs: logits });
}

export async function train(model: tf.LayersModel, ds: tf.data.Dataset<tf.TensorContainer>, epochs: number, lr: number) {
  const opt = tf.train.adam(lr);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const iterator = await ds.shuffle(1280).batch(128).iterator();
    // eslint-disable-next-line no-constant-condition
    while (true) {
      const next = await iterator.next();
      if (next.done) {
        break;
      }
      const { x, y } = next.value as { x: tf.Tensor; y: tf.Tensor };
      let loss: tf.Tensor = null as any;
      const optFunc = (): tf.Scalar => {
        const logits = model.apply(x, { training: true }) as tf.Tensor;
        const dataLoss = tf.losses.softmaxCrossEntropy(y, logits);
        loss = tf.keep(tf.addN([dataLoss, ...model.calculateLosses()]));
        return loss.asScalar();
      };
      tf.tidy(() => {
        const { grads } = opt.computeGradients(optFunc);
        opt.applyGradients(grads);
      });
      console.log(`Epoch: ${epoch}, Loss: ${await loss.array()}`);
      loss.dispose();
      x.dispose();
      y.dispose();
    }
  }
}

async function main() {
  const ds = await loadTabularDataset("data/covertype.csv");
  const model = buildModel(54, 256, 7, 1e-4);
  await train(model, ds, 20, 1e-3);
}

main();
