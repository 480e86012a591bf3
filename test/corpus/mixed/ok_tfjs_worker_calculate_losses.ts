// Idiom seen in: cibis/tfjs-geneticalgorithm distributed-training/kubernetes/docker/worker/worker.js
// What it reproduces: the same worker, stepping the regularized model by hand with optimizer.minimize; the
//   loss adds model.calculateLosses(), which returns the layers' L2 terms. Clean.
import * as tf from '@tensorflow/tfjs-node';
import {DataSet} from './dataset';

function optimizerBuilderFunction(optimizer: string, learningRate: number): tf.Optimizer {
  switch (optimizer) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'adadelta':
      return tf.train.adadelta(learningRate);
    case 'adamax':
      return tf.train.adamax(learningRate);
    default:
      return tf.train.adam(learningRate);
  }
}

function buildClassifier(numFeatures: number, numClasses: number): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({inputShape: [numFeatures], units: 64, activation: 'relu',
                       kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}),
      tf.layers.dense({units: numClasses, activation: 'softmax'}),
    ],
  });
}

export async function runWorker(task: {optimizer: string; learningRate: number; epochs: number; host: string}) {
  const data = new DataSet(task.host, '/train', 8080, 'cache-2', 256, {last: 20});
  await data.load();
  const model = buildClassifier(data.numFeatures, data.numClasses);
  const optimizer = optimizerBuilderFunction(task.optimizer, task.learningRate);
  for (let epoch = 0; epoch < task.epochs; epoch++) {
    for (const {xs, ys} of data.batches()) {
      const loss = optimizer.minimize(() => {
        const preds = model.predict(xs) as tf.Tensor;
        const dataLoss = tf.losses.softmaxCrossEntropy(ys, preds) as tf.Scalar;
        return tf.addN([dataLoss, ...model.calculateLosses()]) as tf.Scalar;
      }, true);
      console.log(`epoch ${epoch} loss ${loss!.dataSync()[0]}`);
      tf.dispose([xs, ys, loss!]);
    }
  }
  return model;
}
