# Idiom seen in: rusty1s/embedded_gcnn lib/layer/inits.py, lib/layer/var_layer.py, lib/model/model.py, mnist_graph.py
# What it reproduces: layer classes forward weight_decay/bias_decay to weight_variable()/bias_variable(), whose
#   "if decay > 0:" blocks add wd * l2_loss to the "losses" collection; the MNIST graph script (as in the repo)
#   builds every layer with the default decay 0.0, so the decay machinery never runs (total_loss does sum it).
import tensorflow as tf


def weight_variable(shape, name, stddev=0.1, decay=0.0, dtype=tf.float32):
    initializer = tf.truncated_normal_initializer(stddev=stddev, dtype=dtype)
    var = tf.get_variable(name, shape, dtype, initializer)

    if decay > 0:  # expect: WD303
        decay = tf.multiply(tf.nn.l2_loss(var), decay, name='weight_loss')
        tf.add_to_collection('losses', decay)

    return var


def bias_variable(shape, name, constant=0.1, decay=0.0, dtype=tf.float32):
    initializer = tf.constant_initializer(constant, dtype)
    var = tf.get_variable(name, shape, dtype, initializer)

    if decay > 0:  # expect: WD303
        decay = tf.multiply(tf.nn.l2_loss(var), decay, name='bias_loss')
        tf.add_to_collection('losses', decay)

    return var
