// Idiom seen in: tensorflow/tfjs-models speech-commands/src/browser_fft_recognizer.ts
// What it reproduces: the transfer recognizer's train(): freeze the base, compile, then fit or fitDataset depending on
// the dataset duration, then optional fine-tuning with the base layer unfrozen; Keras-style fitting adds the head's
// L2 regularization loss to the minimized loss: clean.

import * as tf from '@tensorflow/tfjs';
import {createTransferModelFromBaseModel} from './transfer_model';
import {Dataset} from './dataset';

export interface TransferLearnConfig {
  epochs?: number;
  batchSize?: number;
  validationSplit?: number;
  fineTuningEpochs?: number;
  fitDatasetDurationMillisThreshold?: number;
  optimizer?: string|tf.Optimizer;
}

export async function trainTransferModel(
    baseModel: tf.LayersModel, dataset: Dataset, words: string[],
    config: TransferLearnConfig = {}): Promise<tf.LayersModel> {
  tf.util.assert(words.length > 1, () => 'Requires at least 2 word labels for transfer learning.');
  const {model, secondLastBaseDenseLayer} = createTransferModelFromBaseModel(baseModel, words.length, 1e-3);

  // This layer needs to be frozen for the initial phase of the transfer learning.
  secondLastBaseDenseLayer.trainable = false;
  model.compile({
    loss: 'categoricalCrossentropy',
    optimizer: config.optimizer || 'sgd',
    metrics: ['acc'],
  });

  const epochs = config.epochs == null ? 20 : config.epochs;
  const threshold = config.fitDatasetDurationMillisThreshold == null ?
      60e3 : config.fitDatasetDurationMillisThreshold;
  if (dataset.durationMillis() > threshold) {
    const [trainDataset, valDataset] = dataset.getData(null, {
      batchSize: config.batchSize || 32,
      validationSplit: config.validationSplit || 0.15,
    }) as [tf.data.Dataset<{}>, tf.data.Dataset<{}>];
    await model.fitDataset(trainDataset, {epochs, validationData: valDataset});
  } else {
    const {xs, ys} = dataset.getData() as {xs: tf.Tensor, ys: tf.Tensor};
    await model.fit(xs, ys, {
      epochs,
      validationSplit: config.validationSplit || 0,
      batchSize: config.batchSize,
    });
    tf.dispose([xs, ys]);
  }

  if (config.fineTuningEpochs != null && config.fineTuningEpochs > 0) {
    secondLastBaseDenseLayer.trainable = true;
    model.compile({loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['acc']});
    const {xs, ys} = dataset.getData() as {xs: tf.Tensor, ys: tf.Tensor};
    await model.fit(xs, ys, {epochs: config.fineTuningEpochs, batchSize: config.batchSize});
    tf.dispose([xs, ys]);
  }
  return model;
}
