# Idiom seen in: tensorflow/models official/mnist/mnist.py; tensorflow/tpu models/official/efficientnet/main.py
# What it reproduces: model_fn(features, labels, mode, params) + tf.estimator.Estimator, data from
# tensorflow_datasets, absl app.run(main); the training loss is the cross entropy alone, so the
# kernel regularizers in model.py never reach optimizer.minimize (no get_regularization_loss()).
from absl import app
from absl import flags
import tensorflow as tf
import tensorflow_datasets as tfds

import model

FLAGS = flags.FLAGS
flags.DEFINE_string('model_dir', '/tmp/cifar_estimator', 'Checkpoint directory.')
flags.DEFINE_integer('batch_size', 128, 'Batch size.')
flags.DEFINE_integer('train_steps', 50000, 'Training steps.')
flags.DEFINE_float('learning_rate', 0.1, 'Initial learning rate.')


def input_fn(split, training):
  ds = tfds.load('cifar10', split=split, as_supervised=True)
  if training:
    ds = ds.shuffle(10000).repeat()
  return ds.batch(FLAGS.batch_size).prefetch(2)


def model_fn(features, labels, mode, params):
  training = mode == tf.estimator.ModeKeys.TRAIN
  logits = model.small_convnet(features, training)
  if mode == tf.estimator.ModeKeys.PREDICT:
    return tf.estimator.EstimatorSpec(mode, predictions={'classes': tf.argmax(logits, 1)})

  loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)

  if training:
    global_step = tf.train.get_or_create_global_step()
    lr = tf.train.piecewise_constant(global_step, [20000, 40000],
                                     [params['lr'], params['lr'] * 0.1, params['lr'] * 0.01])
    optimizer = tf.train.MomentumOptimizer(lr, momentum=0.9)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
      train_op = optimizer.minimize(loss, global_step)
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)

  accuracy = tf.metrics.accuracy(labels, tf.argmax(logits, 1))
  return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops={'accuracy': accuracy})


def main(argv):
  del argv
  estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir,
                                     params={'lr': FLAGS.learning_rate})
  estimator.train(lambda: input_fn('train', True), max_steps=FLAGS.train_steps)
  print(estimator.evaluate(lambda: input_fn('test', False)))


if __name__ == '__main__':
  app.run(main)
