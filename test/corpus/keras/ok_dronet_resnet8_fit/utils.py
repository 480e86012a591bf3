# Idiom seen in: uzh-rpg/rpg_public_dronet utils.py
# What it reproduces: DroNet's hard-mining losses for the two heads (data terms only).
import tensorflow as tf
from keras import backend as K


def hard_mining_mse(k):
    def custom_mse(y_true, y_pred):
        t = y_true[:, 0]
        samples_steer = tf.cast(tf.equal(t, 1), tf.int32)
        n_samples_steer = tf.reduce_sum(samples_steer)
        l_steer = tf.multiply(t, K.square(y_pred - y_true[:, 1]))
        k_min = tf.minimum(k, n_samples_steer)
        _, indices = tf.nn.top_k(l_steer, k=k_min)
        return tf.reduce_mean(tf.gather(l_steer, indices))
    return custom_mse


def hard_mining_entropy(k):
    def custom_bin_crossentropy(y_true, y_pred):
        t = y_true[:, 0]
        samples_coll = tf.cast(tf.equal(t, 0), tf.int32)
        n_samples_coll = tf.reduce_sum(samples_coll)
        l_coll = (1.0 - t) * K.binary_crossentropy(y_true[:, 1], y_pred)
        k_min = tf.minimum(k, n_samples_coll)
        _, indices = tf.nn.top_k(l_coll, k=k_min)
        return tf.reduce_mean(tf.gather(l_coll, indices))
    return custom_bin_crossentropy
