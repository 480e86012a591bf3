# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/models/mlp.py
# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/trainer/trainer_classification.py
# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/trainer/trainer_agreement.py
# What it reproduces: Graph Agreement Models: the model's get_loss adds weight_decay * l2_loss over
#   reg_params when a weight_decay kwarg is given; the classification trainer passes weight_decay=None and
#   adds its own decay term to the minimized loss, the agreement trainer passes its weight decay variable.
#   Both decays reach minimized losses. Clean.
import tensorflow as tf


class MLP(object):

  def __init__(self, output_dim, hidden_sizes, activation=tf.nn.leaky_relu,
               is_binary_classification=False, name='MLP'):
    self.output_dim = output_dim
    self.hidden_sizes = hidden_sizes
    self.activation = activation
    self.is_binary_classification = is_binary_classification
    self.name = name

  def get_encoding_and_params(self, inputs, **unused_kwargs):
    reg_params = {}
    all_vars = {}
    hidden = tf.layers.flatten(inputs)
    for layer_index, output_size in enumerate(self.hidden_sizes):
      input_size = hidden.get_shape().dims[-1].value
      weights_name = 'W_' + str(layer_index)
      weights = tf.get_variable(
          name=weights_name, initializer=tf.glorot_uniform_initializer(),
          shape=(input_size, output_size), use_resource=True)
      biases = tf.get_variable('b_' + str(layer_index), initializer=tf.zeros([output_size]),
                               use_resource=True)
      reg_params[weights_name] = weights
      all_vars[weights_name] = weights
      hidden = self.activation(tf.nn.xw_plus_b(hidden, weights, biases))
    return hidden, all_vars, reg_params

  def get_predictions_and_params(self, encoding, **unused_kwargs):
    input_size = encoding.get_shape().dims[-1].value
    weights = tf.get_variable('W_outputs', initializer=tf.glorot_uniform_initializer(),
                              shape=(input_size, self.output_dim), use_resource=True)
    biases = tf.get_variable('b_outputs', initializer=tf.zeros([self.output_dim]),
                             use_resource=True)
    predictions = tf.nn.xw_plus_b(encoding, weights, biases)
    return predictions, {'W_outputs': weights, 'b_outputs': biases}, {'W_outputs': weights}

  def get_loss(self, predictions, targets, name_scope='loss', reg_params=None, **kwargs):
    reg_params = reg_params if reg_params is not None else {}
    weight_decay = kwargs['weight_decay'] if 'weight_decay' in kwargs else None

    with tf.name_scope(name_scope):
      if self.is_binary_classification:
        loss = tf.reduce_sum(
            tf.nn.sigmoid_cross_entropy_with_logits(labels=targets, logits=predictions))
      else:
        loss = tf.losses.softmax_cross_entropy(targets, predictions)
      # Weight decay loss.
      if weight_decay is not None:
        for var in reg_params.values():
          loss = loss + weight_decay * tf.nn.l2_loss(var)
    return loss
