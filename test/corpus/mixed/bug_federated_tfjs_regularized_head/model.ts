// Idiom seen in: PAIR-code/federated-learning demo/mnist_transfer_learning_model.ts
// Idiom seen in: PAIR-code/federated-learning src/common/index.ts
// What it reproduces: the transfer-learning model hands the federated client a plain loss closure
// (softmaxCrossEntropy of model.predict); the dense head now carries kernelRegularizer l2, but the
// closure never adds head.calculateLosses(), so optimizer.minimize trains without the decay.
import * as tf from '@tensorflow/tfjs';
import {Scalar, Tensor} from '@tensorflow/tfjs';

const mnistTransferLearningModelURL =
    'https://storage.googleapis.com/tfjs-models/tfjs/mnist_transfer_cnn_v1/model.json';

export const HEAD_L2 = 1e-3;

export interface TransferSetup {
  head: tf.Sequential;
  loss: (inputs: Tensor, labels: Tensor) => Scalar;
}

export async function setupTransferModel(numClasses: number): Promise<TransferSetup> {
  const base = await tf.loadLayersModel(mnistTransferLearningModelURL);
  const featureLayer = base.getLayer('flatten_1');
  const truncated = tf.model({inputs: base.inputs, outputs: featureLayer.output});
  truncated.trainable = false;

  const featureDim = (featureLayer.outputShape as number[])[1];
  const head = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [featureDim],
        units: 128,
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({l2: HEAD_L2}),  // expect: WD103
      }),
      tf.layers.dropout({rate: 0.25}),
      tf.layers.dense({
        units: numClasses,
        kernelRegularizer: tf.regularizers.l2({l2: HEAD_L2}),  // expect: WD103
      }),
    ],
  });

  const loss = (inputs: Tensor, labels: Tensor) => {
    const features = truncated.predict(inputs) as Tensor;
    const logits = head.predict(features) as Tensor;
    const losses = tf.losses.softmaxCrossEntropy(labels, logits);
    return losses.mean() as Scalar;
  };

  return {head, loss};
}
