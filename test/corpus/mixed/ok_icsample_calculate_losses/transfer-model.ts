// Idiom seen in: tsuneken5/tfjsICSample Angular/app/src/app/components/home/training/training.component.ts
// What it reproduces: buildModel() of that component (frozen base from tf.loadLayersModel plus a
//   transferModel head) with L2 kernelRegularizers on the head; trainer.ts adds the terms with
//   model.calculateLosses() inside the function optimizer.minimize differentiates. Clean.
import * as tf from '@tensorflow/tfjs';

export const HEAD_L2 = 1e-4;

export async function buildTransferModel(baseModelPath: string, numClasses: number): Promise<tf.Sequential> {
  const featureModel = await tf.loadLayersModel(baseModelPath);
  featureModel.trainable = false;
  const inputShape = featureModel.outputs[0].shape.slice(1) as number[];
  const transferModel = tf.sequential({
    layers: [
      tf.layers.globalAveragePooling2d({ inputShape: inputShape }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: HEAD_L2 }) }),
      tf.layers.dense({ units: numClasses, activation: 'softmax' }),
    ],
  });
  const model = tf.sequential();
  model.add(featureModel);
  model.add(transferModel);
  return model;
}
