// Idiom seen in: zemlyansky/gpt-tfjs src/train.mts
// What it reproduces: gpt-tfjs's loop (opt.computeGradients(optFunc), clipped, applyGradients) where the loss
//   was written the Keras way, tf.addN([dataLoss, ...model.losses]); in TF.js model.losses is the model's own
//   (empty) loss list, not the layers' regularizer terms, so the decay never reaches the loss (WD103 in model.ts).
import * as tf from "@tensorflow/tfjs-node";
import { Classifier } from "./model";
import { loadTabularDataset } from "./data";

export async function train(
  model: tf.LayersModel,
  ds: tf.data.Dataset<tf.TensorContainer>,
  config: { epochs?: number; batchSize?: number; lr?: number; verbose?: boolean } = {},
) {
  if (undefined === config.batchSize) {
    config.batchSize = 64;
  }
  if (undefined === config.lr) {
    config.lr = 1e-3;
  }
  ds = ds.shuffle(config.batchSize * 10).batch(config.batchSize);

  const opt = tf.train.adam(config.lr);

  let epoch = 1;
  let iterator = await ds.iterator();
  // eslint-disable-next-line no-constant-condition
  while (true) {
    let next = await iterator.next();
    if (next.done) {
      epoch++;
      if (config.epochs && epoch > config.epochs) {
        break;
      }
      iterator = await ds.iterator();
      next = await iterator.next();
    }
    const { x, y } = next.value as { x: tf.Tensor; y: tf.Tensor };

    let loss: tf.Tensor = null as any;
    const optFunc = (): tf.Scalar => {
      const logits = model.apply(x, { training: true }) as tf.Tensor;
      const dataLoss = tf.losses.softmaxCrossEntropy(y, logits);
      loss = tf.keep(tf.addN([dataLoss, ...(model.losses as tf.Tensor[])]));
      return loss.asScalar();
    };
    tf.tidy(() => {
      const { grads } = opt.computeGradients(optFunc);
      opt.applyGradients(grads);
    });

    const lossVal = await loss.array();
    if (config.verbose) {
      console.log(`Epoch: ${epoch}, Loss: ${lossVal}`);
    }
    loss.dispose();
    x.dispose();
    y.dispose();
  }
}

async function main() {
  const ds = await loadTabularDataset("data/covertype.csv");
  const model = Classifier({ inputDim: 54, hidden: 256, numClasses: 7, dropout: 0.1, l2: 1e-4 });
  await train(model, ds, { epochs: 20, batchSize: 128, lr: 1e-3, verbose: true });
  await model.save("file://./covertype-model");
}

main();
