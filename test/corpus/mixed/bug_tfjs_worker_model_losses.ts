// Idiom seen in: cibis/tfjs-geneticalgorithm distributed-training/kubernetes/docker/worker/worker.js
// What it reproduces: a training worker that builds its optimizer by name and steps a regularized model by
//   hand; the loss adds `...model.losses` the Keras way, but in TF.js that list holds no regularizer terms
//   (they come from model.calculateLosses()), so training runs without decay (bug written by us in the repo's idiom).
import * as tf from '@tensorflow/tfjs-node';
import {DataSet} from './dataset';

function optimizerBuilderFunction(optimizer: string, learningRate: number): tf.Optimizer {
  switch (optimizer) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    default:
      return tf.train.adam(learningRate);
  }
}

function buildClassifier(numFeatures: number, numClasses: number): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({inputShape: [numFeatures], units: 64, activation: 'relu',
                       kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}), // expect: WD103
      tf.layers.dense({units: 32, activation: 'relu',
                       kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}), // expect: WD103
      tf.layers.dense({units: numClasses, activation: 'softmax'}),
    ],
  });
}

export async function runWorker(task: {optimizer: string; learningRate: number; epochs: number; host: string}) {
  const data = new DataSet(task.host, '/train', 8080, 'cache-1', 256, {first: 80});
  await data.load();
  const model = buildClassifier(data.numFeatures, data.numClasses);
  const optimizer = optimizerBuilderFunction(task.optimizer, task.learningRate);
  for (let epoch = 0; epoch < task.epochs; epoch++) {
    for (const {xs, ys} of data.batches()) {
      const loss = optimizer.minimize(() => {
        const preds = model.predict(xs) as tf.Tensor;
        const dataLoss = tf.losses.softmaxCrossEntropy(ys, preds);
        return tf.addN([dataLoss, ...model.losses]) as tf.Scalar;
      }, true);
      console.log(`epoch ${epoch} loss ${loss!.dataSync()[0]}`);
      tf.dispose([xs, ys, loss!]);
    }
  }
  return model;
}
