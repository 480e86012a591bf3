# Idiom seen in: tensorflow/tpu models/official/efficientnet/main.py
# What it reproduces: the TPU reference model_fn: loss = cross_entropy + FLAGS.weight_decay *
# tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables() if 'batch_normalization' not in v.name]),
# minimized under UPDATE_OPS; absl flags, app.run(main), an input module the folder lacks. Correct.
from absl import app
from absl import flags
import tensorflow.compat.v1 as tf

import imagenet_input

FLAGS = flags.FLAGS
flags.DEFINE_string('data_dir', None, 'ImageNet TFRecord directory.')
flags.DEFINE_string('model_dir', None, 'Checkpoint directory.')
flags.DEFINE_float('weight_decay', 1e-5, 'Weight decay coefficient for l2 regularization.')
flags.DEFINE_float('base_learning_rate', 0.016, 'Base learning rate at batch size 256.')
flags.DEFINE_integer('train_batch_size', 1024, 'Global batch size.')
flags.DEFINE_integer('train_steps', 218949, 'Training steps.')


def build_model(images, training):
  net = images
  for i, filters in enumerate([32, 64, 128, 256]):
    net = tf.layers.conv2d(net, filters, 3, strides=2, padding='same', use_bias=False, name='conv%d' % i)
    net = tf.layers.batch_normalization(net, training=training, name='bn%d' % i)
    net = tf.nn.swish(net)
  net = tf.reduce_mean(net, [1, 2])
  return tf.layers.dense(net, 1000, name='head')


def model_fn(features, labels, mode, params):
  is_training = mode == tf.estimator.ModeKeys.TRAIN
  logits = build_model(features, is_training)

  cross_entropy = tf.losses.softmax_cross_entropy(
      logits=logits, onehot_labels=labels, label_smoothing=0.1)
  # Add weight decay to the loss for non-batch-normalization variables.
  loss = cross_entropy + FLAGS.weight_decay * tf.add_n(
      [tf.nn.l2_loss(v) for v in tf.trainable_variables()
       if 'batch_normalization' not in v.name])

  train_op = None
  if is_training:
    global_step = tf.train.get_global_step()
    scaled_lr = FLAGS.base_learning_rate * (FLAGS.train_batch_size / 256.0)
    learning_rate = tf.train.exponential_decay(scaled_lr, global_step, params['steps_per_epoch'] * 2.4,
                                               0.97, staircase=True)
    optimizer = tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.9, epsilon=1e-3)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
      train_op = optimizer.minimize(loss, global_step)

  return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=train_op)


def main(unused_argv):
  params = dict(steps_per_epoch=1281167 / FLAGS.train_batch_size)
  est = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
  train_input = imagenet_input.ImageNetInput(is_training=True, data_dir=FLAGS.data_dir)
  est.train(input_fn=train_input.input_fn, max_steps=FLAGS.train_steps)


if __name__ == '__main__':
  app.run(main)
