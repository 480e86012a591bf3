# Idiom seen in: ahmdtaha/tf_retrieval_baseline heads/fc1024.py
# Idiom seen in: ahmdtaha/tf_retrieval_baseline train.py
# What it reproduces: a metric-learning embedding head that takes its weights_regularizer from the caller and hands
#   it to two slim.fully_connected layers; train.py minimizes only the mean triplet loss, so the terms the
#   regularizer writes to REGULARIZATION_LOSSES never reach the optimizer (bug of the original repo).
import tensorflow as tf
from tensorflow.contrib import slim


def head(endpoints, embedding_dim, is_training, reuse=None, weights_regularizer=None):
    predict_var = 0
    net = endpoints['model_output']
    endpoints['head_output'] = slim.fully_connected(
        net, 1024, normalizer_fn=slim.batch_norm,
        normalizer_params={
            'decay': 0.9,
            'epsilon': 1e-5,
            'scale': True,
            'is_training': is_training,
            'updates_collections': tf.GraphKeys.UPDATE_OPS,
        }, scope='emb_h1',
        weights_regularizer=weights_regularizer,  # expect: WD102
        reuse=reuse)
    hidden = endpoints['head_output']

    endpoints['emb_raw'] = slim.fully_connected(
        hidden, embedding_dim + predict_var, activation_fn=None, weights_regularizer=weights_regularizer,  # expect: WD102
        weights_initializer=tf.orthogonal_initializer(), scope='emb', reuse=reuse)
    endpoints['emb'] = endpoints['emb_raw']
    return endpoints
