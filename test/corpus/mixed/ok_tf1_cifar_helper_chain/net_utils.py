# Idiom seen in: linxd5/cifar10 cifar10_model_pre.py
# What it reproduces: the CIFAR-10 weight-decay helper moved into its own module and imported by the model module; the helper only adds wd*l2_loss to 'losses', the loss module (cifar_loss.py) sums that collection into the minimized total. Clean.
import re

import tensorflow as tf

TOWER_NAME = 'tower'


def activation_summary(x):
  tensor_name = re.sub('%s_[0-9]*/' % TOWER_NAME, '', x.op.name)
  tf.summary.histogram(tensor_name + '/activations', x)
  tf.summary.scalar(tensor_name + '/sparsity', tf.nn.zero_fraction(x))


def variable_on_cpu(name, shape, initializer):
  with tf.device('/cpu:0'):
    var = tf.get_variable(name, shape, initializer=initializer)
  return var


def variable_with_weight_decay(name, shape, stddev, wd):
  """Creates a truncated-normal variable; adds wd * l2_loss(var) to 'losses' when wd is given."""
  var = variable_on_cpu(name, shape,
                        tf.truncated_normal_initializer(stddev=stddev))
  if wd is not None:
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection('losses', weight_decay)
  return var
