# Idiom seen in: arberzela/deepBrain TFrecords_version/util.py
# Idiom seen in: arberzela/deepBrain TFrecords_version/deepBrain.py
# What it reproduces: the cifar10-style _variable_with_weight_decay helper of an ECoG-to-text CTC model; every call in
#   deepBrain.py passes wd_value=None, so the decay code behind the guard never runs (as in the original repo).
import tensorflow as tf


def _variable(name, shape, initializer, use_fp16):
    with tf.device('/cpu:0'):
        dtype = tf.float16 if use_fp16 else tf.float32
        var = tf.get_variable(name, shape, initializer=initializer, dtype=dtype)
    return var


def _variable_with_weight_decay(name, shape, wd_value, use_fp16):
    """Helper to create an initialized Variable with weight decay.

    :wd_value: add L2Loss weight decay multiplied by this float. If None, weight
         decay is not added for this Variable.
    """
    dtype = tf.float16 if use_fp16 else tf.float32
    var = _variable(name, shape,
                    tf.contrib.layers.variance_scaling_initializer(factor=2.0, mode='FAN_IN',
                                                                   uniform=False, dtype=dtype),
                    use_fp16)
    if wd_value is not None:  # expect: WD303
        weight_decay = tf.cast(tf.multiply(tf.nn.l2_loss(var), wd_value, name='weight_loss'),
                               tf.float32)  # CTC loss is in float32
        tf.add_to_collection('losses', weight_decay)
    return var


def _activation_summary(act):
    tensor_name = act.op.name
    tf.summary.histogram(tensor_name + '/activations', act)
    tf.summary.scalar(tensor_name + '/sparsity', tf.nn.zero_fraction(act))
