# Idiom seen in: tensorflow/models official/mnist/mnist.py; tensorflow/tpu models/official/efficientnet/main.py; ashraf-bhuiyan/Google-Tensorflow-models official/utils/flags/demo.py
# What it reproduces: an Estimator model_fn(features, labels, mode, params) passed to
# tf.estimator.Estimator(model_fn=...), absl flags and app.run(main); the loss is the cross
# entropy plus tf.losses.get_regularization_loss(), so the kernel regularizers act. Correct.
from absl import app
from absl import flags
import tensorflow as tf

import input_pipeline
import model

FLAGS = flags.FLAGS
flags.DEFINE_string('model_dir', '/tmp/mnist_model', 'Where checkpoints go.')
flags.DEFINE_string('data_dir', '/tmp/mnist_data', 'Where the TFRecords are.')
flags.DEFINE_integer('batch_size', 100, 'Batch size.')
flags.DEFINE_integer('train_steps', 20000, 'Number of training steps.')
flags.DEFINE_float('weight_decay', 5e-4, 'L2 scale of the kernel regularizers.')


def model_fn(features, labels, mode, params):
  image = features['image'] if isinstance(features, dict) else features
  training = mode == tf.estimator.ModeKeys.TRAIN
  logits = model.cnn(image, training, params['weight_decay'])
  predictions = {'classes': tf.argmax(logits, axis=1), 'probabilities': tf.nn.softmax(logits)}
  if mode == tf.estimator.ModeKeys.PREDICT:
    return tf.estimator.EstimatorSpec(mode, predictions=predictions)

  cross_entropy = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
  tf.identity(cross_entropy, name='cross_entropy')
  loss = cross_entropy + tf.losses.get_regularization_loss()

  if mode == tf.estimator.ModeKeys.TRAIN:
    optimizer = tf.train.MomentumOptimizer(learning_rate=params['learning_rate'], momentum=0.9)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
      train_op = optimizer.minimize(loss, tf.train.get_or_create_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)

  metrics = {'accuracy': tf.metrics.accuracy(labels, predictions['classes'])}
  return tf.estimator.EstimatorSpec(mode, loss=loss, eval_metric_ops=metrics)


def main(_):
  classifier = tf.estimator.Estimator(
      model_fn=model_fn, model_dir=FLAGS.model_dir,
      params={'weight_decay': FLAGS.weight_decay, 'learning_rate': 0.01})
  train_input_fn = lambda: input_pipeline.train(FLAGS.data_dir).shuffle(60000).batch(FLAGS.batch_size).repeat()
  eval_input_fn = lambda: input_pipeline.test(FLAGS.data_dir).batch(FLAGS.batch_size)
  classifier.train(input_fn=train_input_fn, max_steps=FLAGS.train_steps)
  print(classifier.evaluate(input_fn=eval_input_fn))


if __name__ == '__main__':
  tf.logging.set_verbosity(tf.logging.INFO)
  app.run(main)
