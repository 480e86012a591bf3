# Idiom seen in: tensorflow/models official/resnet/resnet_run_loop.py; keithyin/mynotes tensorflow/regularizers.md
# What it reproduces: TF1 tf.layers.dense given a Keras regularizer object
# (kernel_regularizer=tf.keras.regularizers.l2(...)); tf.layers still files the term under
# REGULARIZATION_LOSSES, and the loss adds tf.losses.get_regularization_loss(). Correct.
import numpy as np
import tensorflow as tf

import census_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_csv', 'adult.data', 'Training CSV file.')
tf.app.flags.DEFINE_float('l2', 1e-4, 'Keras-style L2 factor (x * sum(w**2)).')
tf.app.flags.DEFINE_integer('steps', 20000, 'Training steps.')


def mlp(features, hidden_units=(256, 128)):
  net = features
  for i, units in enumerate(hidden_units):
    net = tf.layers.dense(net, units, activation=tf.nn.relu,
                          kernel_regularizer=tf.keras.regularizers.l2(FLAGS.l2),
                          name='hidden%d' % i)
  return tf.layers.dense(net, 1, kernel_regularizer=tf.keras.regularizers.l2(FLAGS.l2), name='logit')


def main(argv=None):
  features, labels = census_input.load_csv(FLAGS.train_csv)
  x = tf.placeholder(tf.float32, [None, features.shape[1]])
  y = tf.placeholder(tf.float32, [None, 1])
  logits = mlp(x)

  data_loss = tf.losses.sigmoid_cross_entropy(multi_class_labels=y, logits=logits)
  reg_loss = tf.losses.get_regularization_loss()
  loss = data_loss + reg_loss
  global_step = tf.train.get_or_create_global_step()
  train_op = tf.train.MomentumOptimizer(0.05, 0.9).minimize(loss, global_step=global_step)

  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(FLAGS.steps):
      idx = np.random.randint(0, features.shape[0], 256)
      _, d, r = sess.run([train_op, data_loss, reg_loss], feed_dict={x: features[idx], y: labels[idx]})
      if step % 1000 == 0:
        print('step %d data %.4f reg %.4f' % (step, d, r))


if __name__ == '__main__':
  tf.app.run()
