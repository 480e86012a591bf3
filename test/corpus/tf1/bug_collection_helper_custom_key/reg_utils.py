# Idiom seen in: dwhzealot/Deeplearning_py_prj DeepLearning/src/MyTensorFlow/TF_RegularizeClass.py; ronuchit/tensorflow_learning slim.py
# What it reproduces: a small helper module that applies an L2 regularizer object to a weight by
# hand and stores the term under a collection name chosen by the caller. train.py passes
# 'l2_losses' but only ever sums 'losses', so the stored terms are never used (WD101 here).
import tensorflow as tf

slim = tf.contrib.slim


def l2_regularize_weight(tf_w, lamda, collection_name):
    tf.add_to_collection(collection_name, slim.l2_regularizer(lamda)(tf_w))  # expect: WD101


def weight_variable(shape, name, lamda=None, collection_name='l2_losses'):
    w = tf.Variable(tf.truncated_normal(shape, stddev=0.1), name=name)
    if lamda:
        l2_regularize_weight(w, lamda, collection_name)
    return w


def bias_variable(shape, name):
    return tf.Variable(tf.constant(0.1, shape=shape), name=name)


def collect_loss(loss, collection_name='losses'):
    tf.add_to_collection(collection_name, loss)
    return loss
