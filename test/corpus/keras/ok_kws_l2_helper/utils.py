# Idiom seen in: yuyun2000/tensorflow-kws utils.py
# Idiom seen in: yuyun2000/tensorflow-kws train.py
# What it reproduces: hand-written weight decay helper l2_loss(model, weights) summing tf.nn.l2_loss over the
#   'kernel' variables only; train.py adds it to the cross entropy inside the GradientTape. Clean.
import tensorflow as tf


def l2_loss(model, weights=1e-6):
    variable_list = []
    for v in model.trainable_variables:
        if 'kernel' in v.name:
            variable_list.append(tf.nn.l2_loss(v))
    return tf.add_n(variable_list) * weights


def correct_num_batch(y_true, y_pred):
    correct_num = tf.equal(tf.argmax(y_true, -1), tf.argmax(y_pred, -1))
    return tf.reduce_sum(tf.cast(correct_num, dtype=tf.int32))
