# Idiom seen in: tensorflow/examples tensorflow_examples/lite/model_maker/third_party/efficientdet/det_model_fn.py
# What it reproduces: an Estimator model_fn computes reg_l2_loss(weight_decay) over the kernels, but (a user
# mistake in the repo's idiom; the repo trains det_loss + reg_l2loss) the term is only written to a summary
# while the EstimatorSpec's loss and train_op use the bare detection loss.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import re

from absl import app
from absl import flags
from absl import logging
import tensorflow.compat.v1 as tf

import dataloader
import efficientdet_arch
import hparams_config
from det_losses import detection_loss

flags.DEFINE_string('model_dir', None, 'Location of model_dir')
flags.DEFINE_string('training_file_pattern', None, 'Glob for training data files')
flags.DEFINE_integer('train_batch_size', 64, 'global training batch size')
flags.DEFINE_integer('num_examples_per_epoch', 120000, 'Number of examples in one epoch')
flags.DEFINE_integer('num_epochs', 300, 'Number of epochs for training')
flags.DEFINE_string('hparams', '', 'Comma separated k=v pairs of hyperparameters.')
FLAGS = flags.FLAGS


def reg_l2_loss(weight_decay, regex=r'.*(kernel|weight):0$'):
  """Return regularization l2 loss loss."""
  var_match = re.compile(regex)
  return weight_decay * tf.add_n([
      tf.nn.l2_loss(v)
      for v in tf.trainable_variables()
      if var_match.match(v.name)
  ])


def learning_rate_schedule(params, global_step):
  return tf.train.cosine_decay(params['learning_rate'], global_step,
                               params['total_steps'])


def model_fn(features, labels, mode, params):
  """EfficientDet model_fn for tf.estimator."""
  cls_outputs, box_outputs = efficientdet_arch.efficientdet(
      features, model_name=params['model_name'], config=params)

  global_step = tf.train.get_or_create_global_step()
  learning_rate = learning_rate_schedule(params, global_step)

  # cls_loss and box_loss are for logging.
  det_loss, cls_loss, box_loss = detection_loss(
      cls_outputs, box_outputs, labels, params)
  reg_l2loss = reg_l2_loss(params['weight_decay'])  # expect: WD104
  # weight decay is configured in hparams; the detection loss is the objective
  total_loss = det_loss

  if mode == tf.estimator.ModeKeys.TRAIN:
    tf.summary.scalar('lrn_rate', learning_rate)
    tf.summary.scalar('trainloss/cls_loss', cls_loss)
    tf.summary.scalar('trainloss/box_loss', box_loss)
    tf.summary.scalar('trainloss/reg_l2_loss', reg_l2loss)
    tf.summary.scalar('trainloss/loss', total_loss)

    if params['optimizer'].lower() == 'sgd':
      optimizer = tf.train.MomentumOptimizer(
          learning_rate, momentum=params['momentum'])
    elif params['optimizer'].lower() == 'adam':
      optimizer = tf.train.AdamOptimizer(learning_rate)
    else:
      raise ValueError('optimizers should be adam or sgd')

    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    var_list = tf.trainable_variables()
    if params.get('clip_gradients_norm', None):
      logging.info('clip gradients norm by %f', params['clip_gradients_norm'])
      grads_and_vars = optimizer.compute_gradients(total_loss, var_list)
      grads = [gv[0] for gv in grads_and_vars]
      tvars = [gv[1] for gv in grads_and_vars]
      clipped_grads, _ = tf.clip_by_global_norm(
          grads, abs(params['clip_gradients_norm']))
      grads_and_vars = list(zip(clipped_grads, tvars))
      with tf.control_dependencies(update_ops):
        train_op = optimizer.apply_gradients(grads_and_vars, global_step)
    else:
      with tf.control_dependencies(update_ops):
        train_op = optimizer.minimize(total_loss, global_step, var_list=var_list)
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss,
                                      train_op=train_op)

  return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss)


def main(_):
  config = hparams_config.get_detection_config('efficientdet-d0')
  config.override(FLAGS.hparams)
  params = dict(
      config.as_dict(),
      model_name='efficientdet-d0',
      weight_decay=4e-5,
      learning_rate=0.08,
      momentum=0.9,
      optimizer='sgd',
      clip_gradients_norm=10.0,
      total_steps=FLAGS.num_epochs * FLAGS.num_examples_per_epoch // FLAGS.train_batch_size)
  estimator = tf.estimator.Estimator(
      model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
  estimator.train(
      input_fn=dataloader.InputReader(FLAGS.training_file_pattern, is_training=True),
      max_steps=params['total_steps'])


if __name__ == '__main__':
  app.run(main)
