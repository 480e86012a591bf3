// Idiom seen in: tensorflow/tfjs-models speech-commands/src/browser_fft_recognizer.ts
// What it reproduces: the speech-commands transfer head with an L2 kernelRegularizer, trained by a custom minimize loop
// (user change; the library uses model.fit) that "adds the regularization" as ...model.losses; in TF.js model.losses
// holds no regularizer terms (calculateLosses() does), so the head trains without decay.

import * as tf from '@tensorflow/tfjs';

export interface TransferLearnConfig {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  l2?: number;
  callback?: (epoch: number, loss: number) => void;
}

export class TransferSpeechRecognizer {
  private model: tf.LayersModel = null;
  private secondLastBaseDenseLayer: tf.layers.Layer = null;
  private words: string[] = [];
  private xs: tf.Tensor4D = null;
  private ys: tf.Tensor2D = null;

  constructor(readonly name: string, private readonly baseModel: tf.LayersModel) {}

  setExamples(xs: tf.Tensor4D, ys: tf.Tensor2D, words: string[]) {
    this.xs = xs;
    this.ys = ys;
    this.words = words;
  }

  private createTransferModelFromBaseModel(l2: number): void {
    const layers = this.baseModel.layers;
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
    this.secondLastBaseDenseLayer = layers[layerIndex];
    const truncatedBaseOutput = this.secondLastBaseDenseLayer.output as tf.SymbolicTensor;

    const transferHead = tf.layers.dense({
      units: this.words.length,
      activation: 'linear',
      kernelRegularizer: tf.regularizers.l2({ l2 }), // expect: WD103
      name: this.name + '_head',
    });
    const logits = transferHead.apply(truncatedBaseOutput) as tf.SymbolicTensor;
    this.model = tf.model({ inputs: this.baseModel.inputs, outputs: logits });
  }

  async train(config: TransferLearnConfig = {}): Promise<number[]> {
    tf.util.assert(this.words.length > 1, () => `Transfer model '${this.name}' needs at least 2 words.`);
    const epochs = config.epochs == null ? 20 : config.epochs;
    const batchSize = config.batchSize == null ? 32 : config.batchSize;
    if (this.model == null) {
      this.createTransferModelFromBaseModel(config.l2 == null ? 1e-3 : config.l2);
    }
    // Freeze the base model's layers for the initial phase of transfer learning.
    this.secondLastBaseDenseLayer.trainable = false;

    const optimizer = tf.train.adam(config.learningRate || 1e-3);
    const numExamples = this.xs.shape[0];
    const history: number[] = [];
    for (let epoch = 0; epoch < epochs; ++epoch) {
      let epochLoss = 0;
      for (let start = 0; start < numExamples; start += batchSize) {
        const size = Math.min(batchSize, numExamples - start);
        const xBatch = this.xs.slice([start, 0, 0, 0], [size, -1, -1, -1]);
        const yBatch = this.ys.slice([start, 0], [size, -1]);
        const cost = optimizer.minimize(() => {
          const logits = this.model.apply(xBatch, { training: true }) as tf.Tensor;
          const ce = tf.losses.softmaxCrossEntropy(yBatch, logits) as tf.Scalar;
          // add the regularization losses of the layers
          return tf.addN([ce, ...(this.model.losses as tf.Scalar[])]) as tf.Scalar;
        }, true);
        epochLoss += cost.dataSync()[0] * size;
        tf.dispose([xBatch, yBatch, cost]);
      }
      history.push(epochLoss / numExamples);
      if (config.callback) {
        config.callback(epoch, history[history.length - 1]);
      }
      await tf.nextFrame();
    }
    return history;
  }
}
