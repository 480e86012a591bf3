// Idiom seen in: charlesvg/fun-with-tensorflow bla.js
// What it reproduces: the repo's tfjs-node MNIST createModel() (conv2d/maxPooling2d/dense, sgd(0.15));
//   the user adds kernelRegularizer to the conv and dense layers and replaces model.fit with a
//   hand-written optimizer.minimize loop whose loss is the cross entropy only: the L2 terms are lost.
import * as tf from '@tensorflow/tfjs-node';
import { loadMnist } from './mnist-data';

const LEARNING_RATE = 0.15;
const L2 = 5e-4;
const EPOCHS = 5;
const BATCH = 64;

function createModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    inputShape: [28, 28, 1],
    kernelSize: 5,
    filters: 8,
    activation: 'relu',
    kernelInitializer: 'varianceScaling',
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
  }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({
    units: 10,
    kernelInitializer: 'varianceScaling',
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
  }));
  return model;
}

async function train(): Promise<void> {
  const model = createModel();
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const { images, labels } = await loadMnist('train');
  const n = images.shape[0];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = 0; i + BATCH <= n; i += BATCH) {
      const xs = images.slice([i, 0, 0, 0], [BATCH, 28, 28, 1]);
      const ys = labels.slice([i, 0], [BATCH, 10]);
      const cost = optimizer.minimize(() => {
        const logits = model.predict(xs) as tf.Tensor;
        return tf.losses.softmaxCrossEntropy(ys, logits) as tf.Scalar;
      }, true);
      if (i % (BATCH * 100) === 0) {
        console.log(`epoch ${epoch} step ${i / BATCH} loss ${cost!.dataSync()[0]}`);
      }
      tf.dispose([xs, ys, cost]);
    }
  }
  await model.save('file://./mnist-model');
}

train();
