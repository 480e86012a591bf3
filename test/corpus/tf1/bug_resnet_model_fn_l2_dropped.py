# Idiom seen in: tensorflow/models official/resnet/resnet_run_loop.py
# What it reproduces: resnet_model_fn's filtered L2 term (weight_decay * add_n of l2_loss over the
# non-batch-norm trainable variables) still computed, but `loss = cross_entropy + l2_loss` was cut
# down to the cross entropy while experimenting: the term is assigned and never used (WD104).
import argparse
import sys

import tensorflow as tf

import cifar10_dataset
import resnet_model

_WEIGHT_DECAY = 2e-4
_MOMENTUM = 0.9


def learning_rate_fn(global_step, batch_size=128, num_images=50000):
  batches_per_epoch = num_images / batch_size
  boundaries = [int(batches_per_epoch * e) for e in [100, 150, 200]]
  vals = [0.1 * batch_size / 128 * d for d in [1, 0.1, 0.01, 0.001]]
  return tf.train.piecewise_constant(global_step, boundaries, vals)


def cifar10_model_fn(features, labels, mode, params):
  model = resnet_model.Model(resnet_size=params['resnet_size'], num_classes=10)
  logits = tf.cast(model(features, mode == tf.estimator.ModeKeys.TRAIN), tf.float32)
  predictions = {'classes': tf.argmax(logits, axis=1), 'probabilities': tf.nn.softmax(logits)}
  if mode == tf.estimator.ModeKeys.PREDICT:
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

  cross_entropy = tf.losses.sparse_softmax_cross_entropy(logits=logits, labels=labels)
  tf.identity(cross_entropy, name='cross_entropy')

  def exclude_batch_norm(name):
    return 'batch_normalization' not in name

  l2_loss = _WEIGHT_DECAY * tf.add_n([tf.nn.l2_loss(tf.cast(v, tf.float32)) for v in tf.trainable_variables() if exclude_batch_norm(v.name)])  # expect: WD104
  loss = cross_entropy  # TODO(me): put "+ l2_loss" back once the lr sweep is done

  train_op = None
  if mode == tf.estimator.ModeKeys.TRAIN:
    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.MomentumOptimizer(learning_rate=learning_rate_fn(global_step), momentum=_MOMENTUM)
    grad_vars = optimizer.compute_gradients(loss)
    minimize_op = optimizer.apply_gradients(grad_vars, global_step)
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    train_op = tf.group(minimize_op, update_ops)

  metrics = {'accuracy': tf.metrics.accuracy(labels, predictions['classes'])}
  return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=loss,
                                    train_op=train_op, eval_metric_ops=metrics)


def main(argv):
  parser = argparse.ArgumentParser()
  parser.add_argument('--data_dir', default='/tmp/cifar10_data')
  parser.add_argument('--model_dir', default='/tmp/cifar10_model')
  parser.add_argument('--resnet_size', type=int, default=32)
  parser.add_argument('--train_epochs', type=int, default=250)
  flags = parser.parse_args(args=argv[1:])

  classifier = tf.estimator.Estimator(model_fn=cifar10_model_fn, model_dir=flags.model_dir,
                                      params={'resnet_size': flags.resnet_size})
  for _ in range(flags.train_epochs // 10):
    classifier.train(input_fn=lambda: cifar10_dataset.input_fn(True, flags.data_dir, 128, 10))
    print(classifier.evaluate(input_fn=lambda: cifar10_dataset.input_fn(False, flags.data_dir, 128)))


if __name__ == '__main__':
  tf.logging.set_verbosity(tf.logging.INFO)
  main(argv=sys.argv)
