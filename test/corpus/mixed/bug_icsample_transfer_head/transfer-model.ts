// Idiom seen in: tsuneken5/tfjsICSample Angular/app/src/app/components/home/training/training.component.ts
// What it reproduces: buildModel() of that component: a frozen base from tf.loadLayersModel
//   followed by a small transferModel head (globalAveragePooling2d, dense 64, dense softmax),
//   here with L2 kernelRegularizers on the head. The trainer (trainer.ts) minimizes the head
//   by hand and adds `...model.losses`, which in TF.js does not hold the regularizer terms.
import * as tf from '@tensorflow/tfjs';

export const HEAD_L2 = 1e-4;

export async function buildTransferModel(baseModelPath: string, numClasses: number): Promise<tf.Sequential> {
  const featureModel = await tf.loadLayersModel(baseModelPath);
  featureModel.trainable = false;

  const inputShape = featureModel.outputs[0].shape.slice(1) as number[];
  const transferModel = tf.sequential({
    layers: [
      tf.layers.globalAveragePooling2d({ inputShape: inputShape }),
      tf.layers.dense({
        units: 64,
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({ l2: HEAD_L2 }), // expect: WD103
      }),
      tf.layers.dense({
        units: numClasses,
        activation: 'softmax',
        kernelRegularizer: tf.regularizers.l2({ l2: HEAD_L2 }), // expect: WD103
      }),
    ],
  });

  const model = tf.sequential();
  model.add(featureModel);
  model.add(transferModel);
  return model;
}
