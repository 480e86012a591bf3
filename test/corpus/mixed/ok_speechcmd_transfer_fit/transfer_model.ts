// Idiom seen in: tensorflow/tfjs-models speech-commands/src/browser_fft_recognizer.ts
// What it reproduces: createTransferModelFromBaseModel(): find the base model's second-to-last dense layer, put a new
// softmax head with an L2 kernelRegularizer on its output; train.ts trains it with compile + fitDataset, which add
// the head's regularization loss: clean.

import * as tf from '@tensorflow/tfjs';

export interface TransferModel {
  model: tf.LayersModel;
  secondLastBaseDenseLayer: tf.layers.Layer;
}

export function createTransferModelFromBaseModel(
    baseModel: tf.LayersModel, numWords: number, l2 = 1e-3): TransferModel {
  const layers = baseModel.layers;
  let layerIndex = layers.length - 2;
  while (layerIndex >= 0) {
    if (layers[layerIndex].getClassName().toLowerCase() === 'dense') {
      break;
    }
    layerIndex--;
  }
  if (layerIndex < 0) {
    throw new Error('Cannot find a hidden dense layer in the base model.');
  }
  const secondLastBaseDenseLayer = layers[layerIndex];
  const truncatedBaseOutput = secondLastBaseDenseLayer.output as tf.SymbolicTensor;

  const transferHead = tf.layers.dense({
    units: numWords,
    activation: 'softmax',
    kernelRegularizer: tf.regularizers.l2({l2}),
    name: 'transfer_head',
  });
  const transferOutput = transferHead.apply(truncatedBaseOutput) as tf.SymbolicTensor;
  const model = tf.model({inputs: baseModel.inputs, outputs: transferOutput});
  return {model, secondLastBaseDenseLayer};
}
