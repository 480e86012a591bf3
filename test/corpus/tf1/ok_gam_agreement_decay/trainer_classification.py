# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/trainer/trainer_classification.py
# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/models/mlp.py
# What it reproduces: the classifier's supervised loss comes from get_loss(weight_decay=None); the trainer
#   builds its own weight decay term from a (possibly scheduled) weight_decay variable over the model's
#   reg_params and adds it to loss_op, which the Adam optimizer minimizes. Clean.
import tensorflow as tf


class TrainerClassification(object):

  def __init__(self, model, data, agreement_model, weight_decay=None,
               weight_decay_schedule=None, reg_weight_ag=0.0, lr_initial=1e-3,
               max_num_iter_cotrain=10):
    self.model = model
    self.data = data
    self.agreement_model = agreement_model
    self.reg_weight_ag = reg_weight_ag
    self.max_num_iter_cotrain = max_num_iter_cotrain

    input_features = tf.placeholder(tf.float32, shape=(None,) + data.features_shape)
    input_labels = tf.placeholder(tf.int64, shape=(None,))
    one_hot_labels = tf.one_hot(input_labels, data.num_classes)

    with tf.variable_scope('predictions'):
      encoding, _, reg_params = model.get_encoding_and_params(inputs=input_features)
      predictions, _, reg_params_top = model.get_predictions_and_params(encoding=encoding)
      reg_params.update(reg_params_top)
    self.reg_params = reg_params

    weight_decay_var, self.weight_decay_update = self._create_weight_decay_var(
        weight_decay, weight_decay_schedule)

    with tf.name_scope('loss'):
      loss_supervised = self.model.get_loss(
          predictions=predictions, targets=one_hot_labels, weight_decay=None)
      loss_agr = self.reg_weight_ag * agreement_model.agreement_loss(predictions)

      # Weight decay loss.
      loss_reg = 0.0
      if weight_decay_var is not None:
        for var in self.reg_params.values():
          loss_reg += weight_decay_var * tf.nn.l2_loss(var)

      loss_op = loss_supervised + loss_agr + loss_reg

    self.global_step = tf.train.get_or_create_global_step()
    self.optimizer = tf.train.AdamOptimizer(lr_initial)
    self.train_op = self.optimizer.minimize(loss_op, global_step=self.global_step)
    self.loss_op = loss_op
    self.input_features = input_features
    self.input_labels = input_labels

  def _create_weight_decay_var(self, weight_decay_initial, weight_decay_schedule):
    weight_decay_var = None
    weight_decay_update = None
    if weight_decay_schedule is None:
      if weight_decay_initial is not None:
        weight_decay_var = tf.constant(weight_decay_initial, dtype=tf.float32, name='weight_decay')
    elif weight_decay_schedule == 'linear':
      weight_decay_var = tf.get_variable(
          name='weight_decay', initializer=tf.constant(weight_decay_initial),
          use_resource=True, trainable=False)
      update_rate = weight_decay_initial / float(self.max_num_iter_cotrain)
      weight_decay_update = weight_decay_var.assign_sub(update_rate)
    return weight_decay_var, weight_decay_update

  def train(self, session, num_iter=1000):
    for step in range(num_iter):
      features, labels = self.data.next_labeled_batch()
      _, loss = session.run([self.train_op, self.loss_op],
                            feed_dict={self.input_features: features, self.input_labels: labels})
    return loss
