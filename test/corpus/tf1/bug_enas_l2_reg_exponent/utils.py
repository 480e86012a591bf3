# Idiom seen in: melodyguan/enas src/utils.py
# What it reproduces: get_train_ops() adds l2_reg * sum(var ** 2) over the given variables to the loss
#   it differentiates, then builds the optimizer by name; the decay value arrives from main.py's flag.
import sys
import numpy as np
import tensorflow as tf

user_flags = []


def DEFINE_string(name, default_value, doc_string):
    tf.app.flags.DEFINE_string(name, default_value, doc_string)
    user_flags.append(name)


def DEFINE_integer(name, default_value, doc_string):
    tf.app.flags.DEFINE_integer(name, default_value, doc_string)
    user_flags.append(name)


def DEFINE_float(name, default_value, doc_string):
    tf.app.flags.DEFINE_float(name, default_value, doc_string)
    user_flags.append(name)


def print_user_flags(line_limit=80):
    FLAGS = tf.app.flags.FLAGS
    for flag_name in sorted(user_flags):
        value = "{}".format(getattr(FLAGS, flag_name))
        print(flag_name + "." * (line_limit - len(flag_name) - len(value)) + value)


def get_train_ops(loss, tf_variables, train_step, clip_mode=None, grad_bound=None,
                  l2_reg=1e-4, lr_init=0.1, lr_dec_start=0, lr_dec_every=10000, lr_dec_rate=0.1,
                  optim_algo=None):
    if l2_reg > 0:
        l2_losses = []
        for var in tf_variables:
            l2_losses.append(tf.reduce_sum(var ** 2))
        l2_loss = tf.add_n(l2_losses)
        loss += l2_reg * l2_loss

    grads = tf.gradients(loss, tf_variables)
    grad_norm = tf.global_norm(grads)
    if clip_mode == "global":
        grads, _ = tf.clip_by_global_norm(grads, grad_bound)

    learning_rate = tf.train.exponential_decay(
        lr_init, tf.maximum(train_step - lr_dec_start, 0), lr_dec_every, lr_dec_rate, staircase=True)

    if optim_algo == "momentum":
        opt = tf.train.MomentumOptimizer(learning_rate, 0.9, use_locking=True, use_nesterov=True)
    elif optim_algo == "sgd":
        opt = tf.train.GradientDescentOptimizer(learning_rate, use_locking=True)
    elif optim_algo == "adam":
        opt = tf.train.AdamOptimizer(learning_rate, beta1=0.0, epsilon=1e-3, use_locking=True)
    else:
        raise ValueError("Unknown optim_algo {}".format(optim_algo))

    train_op = opt.apply_gradients(zip(grads, tf_variables), global_step=train_step)
    return train_op, learning_rate, grad_norm, opt
