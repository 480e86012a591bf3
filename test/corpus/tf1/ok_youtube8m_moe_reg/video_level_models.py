# Idiom seen in: google/youtube-8m video_level_models.py
# Idiom seen in: google/youtube-8m train.py
# What it reproduces: video-level Mixture-of-Experts classifier whose slim.fully_connected layers carry
#   weights_regularizer=slim.l2_regularizer(l2_penalty); the trainer sums tf.losses.get_regularization_losses()
#   into final_loss, which is what compute_gradients differentiates. Clean.
"""Video-level models for the multi-label video tagging task."""

import tensorflow as tf
from tensorflow import flags
import tensorflow.contrib.slim as slim

FLAGS = flags.FLAGS
flags.DEFINE_integer("moe_num_mixtures", 2,
                     "The number of mixtures (excluding the dummy 'expert') used for MoeModel.")


class BaseModel(object):
  """Inherit from this class when implementing new models."""

  def create_model(self, unused_model_input, **unused_params):
    raise NotImplementedError()


class LogisticModel(BaseModel):
  """Logistic model with L2 regularization."""

  def create_model(self, model_input, vocab_size, l2_penalty=1e-8, **unused_params):
    output = slim.fully_connected(
        model_input, vocab_size, activation_fn=tf.nn.sigmoid,
        weights_regularizer=slim.l2_regularizer(l2_penalty))
    return {"predictions": output}


class MoeModel(BaseModel):
  """A softmax over a mixture of logistic experts (with L2 regularization)."""

  def create_model(self, model_input, vocab_size, num_mixtures=None,
                   l2_penalty=1e-8, **unused_params):
    num_mixtures = num_mixtures or FLAGS.moe_num_mixtures

    gate_activations = slim.fully_connected(
        model_input,
        vocab_size * (num_mixtures + 1),
        activation_fn=None,
        biases_initializer=None,
        weights_regularizer=slim.l2_regularizer(l2_penalty),
        scope="gates")
    expert_activations = slim.fully_connected(
        model_input,
        vocab_size * num_mixtures,
        activation_fn=None,
        weights_regularizer=slim.l2_regularizer(l2_penalty),
        scope="experts")

    gating = tf.nn.softmax(tf.reshape(gate_activations, [-1, num_mixtures + 1]))
    experts = tf.nn.sigmoid(tf.reshape(expert_activations, [-1, num_mixtures]))
    probs = tf.reduce_sum(gating[:, :num_mixtures] * experts, 1)
    return {"predictions": tf.reshape(probs, [-1, vocab_size])}
