// Idiom seen in: TimzOwen/TensorFlow.js model_1.js
// What it reproduces: custom training with optimizer.minimize where the user "adds the
//   regularization losses" the Keras way, tf.addN([dataLoss, ...model.losses]); TF.js's model.losses
//   is empty for tf.sequential, so the L2 terms of model.ts never reach the loss (the findings are on
//   the regularizer keys in model.ts).
import * as tf from '@tensorflow/tfjs';
import { createModel } from './model';
import { irisTensors } from './iris';

async function run(): Promise<void> {
  const model = createModel();
  const optimizer = tf.train.adam(0.01);
  const [xTrain, yTrain] = irisTensors('train');

  for (let epoch = 0; epoch < 200; epoch++) {
    const loss = optimizer.minimize(() => {
      const preds = model.predict(xTrain) as tf.Tensor;
      const dataLoss = tf.losses.softmaxCrossEntropy(yTrain, preds);
      const regTerms = model.losses as tf.Scalar[];
      return tf.addN([dataLoss, ...regTerms]) as tf.Scalar;
    }, true);
    if (epoch % 20 === 0) {
      console.log(`epoch ${epoch}: loss = ${(await loss!.data())[0]}`);
    }
    loss?.dispose();
  }
}

run();
