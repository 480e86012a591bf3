// Idiom seen in: antoineMoPa/tfjs-text-experiment src/tinygpt.ts
// What it reproduces: a tf.model word predictor whose dense layers carry kernelRegularizer l2 and which is trained with
// wordPredictModel.compile(...) + fit(...) batch by batch; fit adds the regularization losses itself. Clean.
import * as tf from '@tensorflow/tfjs-node';
import { SymbolicTensor } from '@tensorflow/tfjs-node';

type Vocabulary = { words: string[] };
type TrainingData = { inputs: number[][]; expectedOutputs: number[] };

const WORD_PREDICT_MODEL_CACHE = 'file://data/wordPredictModel';
const L2 = 1e-5;

function wordIndexToOneHot(index: number, vocabulary: Vocabulary) {
  return tf.oneHot(tf.tensor1d([index], 'int32'), vocabulary.words.length);
}

export async function buildModel({ vocabulary, trainingData, beforeSize, verbose = true }:
  { vocabulary: Vocabulary; trainingData: TrainingData; beforeSize: number; verbose?: boolean }) {
  const epochs = 10;
  const metaEpochs = 10;

  const inputs = tf.input({ shape: [vocabulary.words.length * beforeSize] });
  const denseLayer1 = tf.layers.dense({
    units: vocabulary.words.length * beforeSize,
    activation: 'swish',
    kernelInitializer: tf.initializers.randomNormal({}),
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
    name: 'denseLayer1',
  });
  const hidden = denseLayer1.apply(inputs) as SymbolicTensor;
  const outputLayer = tf.layers.dense({
    units: vocabulary.words.length,
    activation: 'softmax',
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
    name: 'output',
  });
  const outputs = outputLayer.apply(hidden) as SymbolicTensor;
  const wordPredictModel = tf.model({ inputs, outputs });

  verbose && wordPredictModel.summary();
  wordPredictModel.compile({ optimizer: tf.train.adamax(0.003), loss: 'categoricalCrossentropy' });

  const trainOnBatch = async (batchInputs: number[][], batchOutputs: number[]) => {
    const xs = tf.concat(batchInputs.map((sample) => tf.concat(sample.map((v) => wordIndexToOneHot(v, vocabulary)), 1)), 0);
    const ys = tf.concat(batchOutputs.map((v) => wordIndexToOneHot(v, vocabulary)), 0);
    await wordPredictModel.fit(xs, ys, {
      epochs,
      batchSize: 100,
      verbose: verbose ? 1 : 0,
      callbacks: {
        onEpochEnd: async (epoch, logs) => {
          if (verbose && epoch % 10 === 0) console.log(`Epoch ${epoch}: error: ${logs?.loss}`);
        },
      },
    });
    tf.dispose([xs, ys]);
  };

  const BATCH_SIZE = 100;
  for (let i = 0; i < metaEpochs; i++) {
    for (let j = 0; j < trainingData.inputs.length; j += BATCH_SIZE) {
      await trainOnBatch(trainingData.inputs.slice(j, j + BATCH_SIZE), trainingData.expectedOutputs.slice(j, j + BATCH_SIZE));
    }
  }
  await wordPredictModel.save(WORD_PREDICT_MODEL_CACHE);
  return wordPredictModel;
}
