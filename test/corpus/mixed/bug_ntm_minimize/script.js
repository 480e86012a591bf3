// Idiom seen in: generic-github-user/Neural-Turing-Machine src/script.js
// What it reproduces: the custom training loop: a loss function that writes the head outputs to the NTM memory and
//   returns the mean squared error of the prediction slice, minimized with optimizer.minimize(() => loss(...)) inside
//   tf.tidy; nothing adds the layers' regularization losses (model.calculateLosses()) to it.
import * as tf from '@tensorflow/tfjs';
import { dimensions } from './settings.js';
import { model, optimizer } from './model.js';
import { ntm } from './ntm.js';

const data = {
  input: tf.tensor([[1, 2, 3, 4]]),
  output: tf.tensor([[1, 2, 3, 4]])
};

// Loss (cost) function to evaluate the accuracy of the model
const loss = function (prediction, label) {
  // Write to NTM memory using output of model
  ntm.write(
    prediction.slice([0, 0], [1, 2 * dimensions]),
    prediction.slice([0, 2 * dimensions + 0], [1, 1]),
    prediction.slice([0, 2 * dimensions + 1], [1, 1])
  );
  return prediction.slice([0, (2 * dimensions) + 2], [1, 4])
    .sub(label)
    .square()
    .mean();
};

export function train(iterations = 10) {
  for (let i = 0; i < iterations; i++) {
    tf.tidy(() => {
      loss(model.predict(data.input), data.output).print();
      optimizer.minimize(() => loss(model.predict(data.input), data.output));
    });
  }
}

train(10);
