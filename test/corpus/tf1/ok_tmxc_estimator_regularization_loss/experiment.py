# Idiom seen in: ensi321/playWithTensorflow TMXC/models/model.py
# Idiom seen in: ensi321/playWithTensorflow TMXC/experiment.py
# What it reproduces: the repo's MNIST model_fn with tf.layers kernel_regularizer=l2 from params; the
# loss adds tf.losses.get_regularization_loss() and that sum is what the optimizer minimizes (clean).
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data
from model import model_fn

tf.logging.set_verbosity(tf.logging.INFO)

data_dir = './data'


def main(_):
  # Load datasets
  mnist = input_data.read_data_sets(data_dir, one_hot=True)
  training_set = mnist.train
  test_set = mnist.test

  # Instantiate Estimator
  nn = tf.estimator.Estimator(
      model_fn=model_fn, model_dir='./log/training',
      params={'keep_prob': 0.75, 'weight_decay': 1e-4},
      config=tf.estimator.RunConfig(save_checkpoints_secs=5))

  train_input_fn = tf.estimator.inputs.numpy_input_fn(
      x=training_set.images, y=training_set.labels.astype(np.float32),
      batch_size=100, num_epochs=None, shuffle=True)
  test_input_fn = tf.estimator.inputs.numpy_input_fn(
      x=test_set.images, y=test_set.labels.astype(np.float32),
      num_epochs=1, shuffle=False)

  nn.train(input_fn=train_input_fn, steps=10000)
  print(nn.evaluate(input_fn=test_input_fn))


if __name__ == "__main__":
  tf.app.run(main=main, argv=[])
