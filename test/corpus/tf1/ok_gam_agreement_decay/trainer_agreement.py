# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/trainer/trainer_agreement.py
# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/models/mlp.py
# What it reproduces: the agreement model's loss is get_loss(..., reg_params=reg_params,
#   weight_decay=weight_decay_var), so the guarded decay branch of get_loss is live here. Clean.
import tensorflow as tf


class TrainerAgreement(object):

  def __init__(self, model, data, weight_decay=None, lr_initial=1e-3):
    self.model = model
    self.data = data
    src_features = tf.placeholder(tf.float32, shape=(None,) + data.features_shape)
    tgt_features = tf.placeholder(tf.float32, shape=(None,) + data.features_shape)
    labels = tf.placeholder(tf.float32, shape=(None,))

    with tf.variable_scope('agreement'):
      enc_src, _, reg_params = model.get_encoding_and_params(inputs=src_features)
    with tf.variable_scope('agreement', reuse=True):
      enc_tgt, _, _ = model.get_encoding_and_params(inputs=tgt_features)
    with tf.variable_scope('agreement_top'):
      predictions, _, reg_top = model.get_predictions_and_params(
          encoding=tf.square(enc_src - enc_tgt))
      reg_params.update(reg_top)
    predictions = tf.squeeze(predictions, axis=-1)

    weight_decay_var = None
    if weight_decay is not None:
      weight_decay_var = tf.constant(weight_decay, dtype=tf.float32, name='weight_decay_agr')

    loss_op = self.model.get_loss(
        predictions=predictions,
        targets=labels,
        reg_params=reg_params,
        weight_decay=weight_decay_var)

    self.global_step = tf.train.get_or_create_global_step()
    self.train_op = tf.train.AdamOptimizer(lr_initial).minimize(loss_op, global_step=self.global_step)
    self.loss_op = loss_op
    self.placeholders = (src_features, tgt_features, labels)

  def agreement_loss(self, predictions):
    return tf.reduce_mean(tf.square(predictions - tf.stop_gradient(predictions)))

  def train(self, session, num_iter=1000):
    for step in range(num_iter):
      src, tgt, lab = self.data.next_pair_batch()
      _, loss = session.run([self.train_op, self.loss_op],
                            feed_dict=dict(zip(self.placeholders, (src, tgt, lab))))
    return loss
