// Idiom seen in: tsuneken5/tfjsICSample Angular/app/src/app/components/home/training/training.component.ts
// What it reproduces: the component's training step as a custom loop over batches with
//   optimizer.minimize; the regularization terms of the head come from model.calculateLosses()
//   and are summed into the minimized loss. Clean.
import * as tf from '@tensorflow/tfjs';
import { buildTransferModel } from './transfer-model';
import { TrainingParam } from '../../../models/training-param';

export async function trainHead(param: TrainingParam, xs: tf.Tensor4D, ys: tf.Tensor2D): Promise<tf.Sequential> {
  const model = await buildTransferModel('assets/base/' + param.baseModel + '/model.json', ys.shape[1]);
  const optimizer = tf.train.adam(param.learningRate);
  const batchSize = param.batchSize;
  const numBatches = Math.floor(xs.shape[0] / batchSize);

  for (let epoch = 0; epoch < param.epochs; epoch++) {
    for (let b = 0; b < numBatches; b++) {
      const cost = optimizer.minimize(() => {
        const xb = xs.slice([b * batchSize, 0, 0, 0], [batchSize, -1, -1, -1]);
        const yb = ys.slice([b * batchSize, 0], [batchSize, -1]);
        const dataLoss = tf.losses.softmaxCrossEntropy(yb, model.predict(xb) as tf.Tensor);
        return tf.addN([dataLoss, ...model.calculateLosses()]) as tf.Scalar;
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
