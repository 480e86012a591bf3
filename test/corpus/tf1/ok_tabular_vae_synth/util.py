# Idiom seen in: synthesized-io/insight synthesized/core/util.py
# Idiom seen in: synthesized-io/insight synthesized/core/transformations/dense.py
# Idiom seen in: synthesized-io/insight synthesized/core/basic_synthesizer.py
# What it reproduces: a tabular-data VAE synthesizer whose dense layers get their L2 regularizer from a
#   module-level dict; train_iteration puts tf.add_n(tf.losses.get_regularization_losses()) into the
#   losses dict whose sum is what the Adam optimizer differentiates. Clean.
import tensorflow as tf


initializers = dict(
    normal=tf.random_normal_initializer(mean=0.0, stddev=1e-2, seed=None, dtype=tf.float32),
    zero=tf.zeros_initializer(dtype=tf.float32),
    one=tf.ones_initializer(dtype=tf.float32),
)

regularizers = dict(
    l2=tf.contrib.layers.l2_regularizer(scale=1e-5, scope=None),
    none=None,
)
