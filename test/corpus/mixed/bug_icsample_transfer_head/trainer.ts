// Idiom seen in: tsuneken5/tfjsICSample Angular/app/src/app/components/home/training/training.component.ts
// What it reproduces: the component's training step written as a custom loop (the repository
//   uses model.fit); the loss is built "the Keras way" with tf.addN([dataLoss, ...model.losses]),
//   but TF.js model.losses is empty for a tf.sequential: the head trains with no decay.
//   A realistic user mistake in that repository's idiom.
import * as tf from '@tensorflow/tfjs';
import { buildTransferModel } from './transfer-model';
import { TrainingParam } from '../../../models/training-param';

export async function trainHead(param: TrainingParam, xs: tf.Tensor4D, ys: tf.Tensor2D): Promise<tf.Sequential> {
  const modelPath = 'assets/base/' + param.baseModel + '/model.json';
  const model = await buildTransferModel(modelPath, ys.shape[1]);
  const optimizer = tf.train.adam(param.learningRate);
  const batchSize = param.batchSize;
  const numBatches = Math.floor(xs.shape[0] / batchSize);

  for (let epoch = 0; epoch < param.epochs; epoch++) {
    for (let b = 0; b < numBatches; b++) {
      const cost = optimizer.minimize(() => {
        const xb = xs.slice([b * batchSize, 0, 0, 0], [batchSize, -1, -1, -1]);
        const yb = ys.slice([b * batchSize, 0], [batchSize, -1]);
        const pred = model.predict(xb) as tf.Tensor;
        const dataLoss = tf.losses.softmaxCrossEntropy(yb, pred);
        return tf.addN([dataLoss, ...(model.losses as tf.Tensor[])]) as tf.Scalar;
      }, true);
      if (cost) {
        console.log(`epoch ${epoch} batch ${b}`, cost.dataSync()[0]);
        cost.dispose();
      }
      await tf.nextFrame();
    }
  }
  return model;
}
