// Idiom seen in: rkuang9/tfjs-stellar src/models/gpt_model.ts
// What it reproduces: building a small LlmModel (embedding + dense stack) with L2 on the embeddings and kernels,
//   compiling it for the optimizer only, and training with the overridden fitDataset above. Clean.
import * as tf from '@tensorflow/tfjs-node';
import { LlmModel } from './llm_model';
import { loadTokenizedShards } from './data';

const VOCAB = 8192;
const EMBED = 256;
const SEQ = 128;
const L2 = 1e-5;

export async function main() {
  const model = new LlmModel({ name: 'tiny_lm' });
  model.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: EMBED, inputLength: SEQ, embeddingsRegularizer: tf.regularizers.l2({ l2: L2 }) }));
  model.add(tf.layers.dense({ units: 4 * EMBED, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: L2 }) }));
  model.add(tf.layers.dense({ units: EMBED, kernelRegularizer: tf.regularizers.l2({ l2: L2 }) }));
  model.add(tf.layers.layerNormalization());
  model.add(tf.layers.dense({ units: VOCAB, activation: 'softmax', kernelRegularizer: tf.regularizers.l2({ l2: L2 }) }));
  model.compile({ optimizer: tf.train.adam(3e-4), loss: 'sparseCategoricalCrossentropy' });

  const dataset = loadTokenizedShards('./data/shards', SEQ).batch(32);
  await model.fitDataset(dataset, {
    epochs: 3,
    onEpochEnd: (epoch, loss) => console.log(`epoch ${epoch + 1}: loss ${loss.toFixed(4)}`),
  });
  await model.save('file://./tiny_lm');
}

main();
