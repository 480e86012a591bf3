# Idiom seen in: vahidk/TensorflowFramework common/ops/regularizer_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/ops/layers_ops.py
# Idiom seen in: vahidk/TensorflowFramework common/optimizer.py
# Idiom seen in: vahidk/TensorflowFramework model/alexnet.py
# What it reproduces: layer helpers take weight_decay=0.0 and build a regularizer only for a positive scale;
#   the estimator wrapper adds REGULARIZATION_LOSSES to the loss, but the model never passes weight_decay,
#   so every call uses 0.0 and the whole decay path is dead (as in the repository's alexnet model).
import tensorflow as tf

import regularizer_ops


def dense_layers(tensor, sizes, activation=tf.nn.relu, linear_top_layer=False,
                 drop_rates=None, weight_decay=0.0, weight_regularizer="l2", **kwargs):
  """Builds a stack of fully connected layers with optional dropout."""
  kernel_regularizer = regularizer_ops.weight_regularizer(weight_decay, weight_regularizer)
  if not isinstance(drop_rates, list):
    drop_rates = [drop_rates] * len(sizes)
  for i, (size, drp) in enumerate(zip(sizes, drop_rates)):
    if i == len(sizes) - 1 and linear_top_layer:
      activation = None
    with tf.variable_scope("dense_block_%d" % i):
      tensor = tf.layers.dense(tensor, size, use_bias=True,
                               kernel_regularizer=kernel_regularizer, **kwargs)
      if activation:
        tensor = activation(tensor)
      if drp:
        tensor = tf.layers.dropout(tensor, drp)
  return tensor


def conv_layers(tensor, filters, kernels, strides=None, pool_sizes=None,
                activation=tf.nn.relu, weight_decay=0.0, weight_regularizer="l2", **kwargs):
  """Builds a stack of convolutional layers with optional max pooling."""
  kernel_regularizer = regularizer_ops.weight_regularizer(weight_decay, weight_regularizer)
  strides = strides or [1] * len(filters)
  pool_sizes = pool_sizes or [1] * len(filters)
  for i, (fs, ks, ss, pz) in enumerate(zip(filters, kernels, strides, pool_sizes)):
    with tf.variable_scope("conv_block_%d" % i):
      tensor = tf.layers.conv2d(tensor, fs, ks, ss, "same",
                                kernel_regularizer=kernel_regularizer, **kwargs)
      tensor = activation(tensor)
      if pz > 1:
        tensor = tf.layers.max_pooling2d(tensor, pz, pz, "same")
  return tensor
