# Idiom seen in: an-seunghwan/semi adgm/mnist/model.py
# Idiom seen in: an-seunghwan/semi adgm/mnist/main.py
# What it reproduces: semi-supervised ADGM in TF2/Keras subclassed models trained in a custom GradientTape
# loop; the user replaced the repo manual decoupled decay (weight_decay_decoupled on a buffer model) by
# kernel_regularizer=l2(wd) on the classifier Dense layers, but the tape loss (ELBO terms + alpha * cce)
# never adds model.losses, so the regularizers do nothing.
import tensorflow as tf


def kl_aux(qa_mean, qa_logvar):
    return 0.5 * tf.reduce_sum(tf.math.exp(qa_logvar) + tf.square(qa_mean) - 1. - qa_logvar, axis=-1)


def entropy(prob):
    return -tf.reduce_sum(prob * tf.math.log(tf.clip_by_value(prob, 1e-8, 1.)), axis=-1)
