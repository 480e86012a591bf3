# Idiom seen in: lzheng21/DIAN models/BPR.py
# Idiom seen in: lzheng21/DIAN main.py
# What it reproduces: BPR loss: the ranking term is a batch mean, the L2 term lambda * l2_loss(...) is
# a per-row sum, so its gradient on an embedding row is lambda * row, independent of batch size.
import tensorflow as tf


def bpr_loss(u_embeddings, pos_embeddings, neg_embeddings, lambda_u, lambda_v):
    pos_scores = tf.reduce_sum(tf.multiply(u_embeddings, pos_embeddings), axis=1)
    neg_scores = tf.reduce_sum(tf.multiply(u_embeddings, neg_embeddings), axis=1)
    log_prob = tf.reduce_mean(tf.log_sigmoid(pos_scores - neg_scores))
    regularizer = lambda_u * tf.nn.l2_loss(u_embeddings) \
        + lambda_v * (tf.nn.l2_loss(pos_embeddings) + tf.nn.l2_loss(neg_embeddings))
    return -log_prob + regularizer
