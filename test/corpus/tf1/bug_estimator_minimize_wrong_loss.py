# Idiom seen in: keithyin/mynotes Language-Framework/tensorflow/high-level-api/estimator-1.15.md
#   (cnn_model_fn from the TF layers tutorial) and TropComplique/wing-loss model.py
#   (regularization_loss = tf.losses.get_regularization_loss() inside model_fn)
# What it reproduces: kernel_regularizer is added to the tutorial's layers and total_loss is built
#   and reported in the EstimatorSpec, but minimize() still receives the tutorial's bare `loss`.
# label-note: WD105 on the line that sums the regularization loss. WD102 is not labelled: the
#   regularization losses are retrieved and summed, the sum just is not what is minimized.
import tensorflow as tf

import mnist_input  # input_fn factory, not part of this program

tf.logging.set_verbosity(tf.logging.INFO)

flags = tf.app.flags
flags.DEFINE_string('data_dir', '/tmp/mnist_data', 'MNIST directory.')
flags.DEFINE_string('model_dir', '/tmp/mnist_convnet_model', 'Model directory.')
flags.DEFINE_float('l2_scale', 1e-4, 'L2 scale.')
flags.DEFINE_float('learning_rate', 0.01, 'Learning rate.')
FLAGS = flags.FLAGS


def cnn_model_fn(features, labels, mode, params):
  """Model function for CNN."""
  reg = tf.contrib.layers.l2_regularizer(scale=params['l2_scale'])
  input_layer = tf.reshape(features['x'], [-1, 28, 28, 1])
  conv1 = tf.layers.conv2d(inputs=input_layer, filters=32, kernel_size=[5, 5], padding='same',
                           activation=tf.nn.relu, kernel_regularizer=reg)
  pool1 = tf.layers.max_pooling2d(inputs=conv1, pool_size=[2, 2], strides=2)
  conv2 = tf.layers.conv2d(inputs=pool1, filters=64, kernel_size=[5, 5], padding='same',
                           activation=tf.nn.relu, kernel_regularizer=reg)
  pool2 = tf.layers.max_pooling2d(inputs=conv2, pool_size=[2, 2], strides=2)
  pool2_flat = tf.reshape(pool2, [-1, 7 * 7 * 64])
  dense = tf.layers.dense(inputs=pool2_flat, units=1024, activation=tf.nn.relu,
                          kernel_regularizer=reg)
  dropout = tf.layers.dropout(inputs=dense, rate=0.4,
                              training=mode == tf.estimator.ModeKeys.TRAIN)
  logits = tf.layers.dense(inputs=dropout, units=10)

  predictions = {'classes': tf.argmax(input=logits, axis=1),
                 'probabilities': tf.nn.softmax(logits, name='softmax_tensor')}
  if mode == tf.estimator.ModeKeys.PREDICT:
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

  loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
  total_loss = loss + tf.losses.get_regularization_loss()  # expect: WD105
  tf.summary.scalar('total_loss', total_loss)

  if mode == tf.estimator.ModeKeys.TRAIN:
    optimizer = tf.train.MomentumOptimizer(learning_rate=params['learning_rate'], momentum=0.9)
    train_op = optimizer.minimize(loss=loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)

  eval_metric_ops = {'accuracy': tf.metrics.accuracy(labels=labels,
                                                     predictions=predictions['classes'])}
  return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, eval_metric_ops=eval_metric_ops)


def main(unused_argv):
  classifier = tf.estimator.Estimator(
      model_fn=cnn_model_fn, model_dir=FLAGS.model_dir,
      params={'l2_scale': FLAGS.l2_scale, 'learning_rate': FLAGS.learning_rate})
  logging_hook = tf.train.LoggingTensorHook(tensors={'probabilities': 'softmax_tensor'},
                                            every_n_iter=50)
  classifier.train(input_fn=mnist_input.train_input_fn(FLAGS.data_dir, batch_size=100),
                   steps=20000, hooks=[logging_hook])
  print(classifier.evaluate(input_fn=mnist_input.eval_input_fn(FLAGS.data_dir)))


if __name__ == '__main__':
  tf.app.run()
