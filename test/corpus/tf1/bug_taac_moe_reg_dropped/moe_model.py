# Idiom seen in: JacksonWuxs/taac2021-Video-Classification-Rank5 src/model/classify_head/moe_model.py
# What it reproduces: the mixture-of-experts tagging head whose gate and expert layers carry
#   weights_regularizer=slim.l2_regularizer(l2_penalty); the trainer (base_trainer.py) sums only the tagging losses,
#   so the REGULARIZATION_LOSSES these layers create never reach compute_gradients (the repo's bug).
import tensorflow as tf
import tensorflow.contrib.slim as slim


class MoeModel(object):
    """A softmax over a mixture of logistic models (with L2 regularization)."""

    def __init__(self, num_classes, num_mixtures=4, l2_penalty=0.0):
        self.vocab_size = num_classes
        self.num_mixtures = num_mixtures
        self.l2_penalty = l2_penalty

    def __call__(self, model_input):
        gate_activations = slim.fully_connected(
            model_input,
            self.vocab_size * (self.num_mixtures + 1),
            activation_fn=None,
            biases_initializer=None,
            weights_regularizer=slim.l2_regularizer(self.l2_penalty),  # expect: WD102
            scope="gates")
        expert_activations = slim.fully_connected(
            model_input,
            self.vocab_size * self.num_mixtures,
            activation_fn=None,
            weights_regularizer=slim.l2_regularizer(self.l2_penalty),  # expect: WD102
            scope="experts")

        gating_distribution = tf.nn.softmax(tf.reshape(gate_activations, [-1, self.num_mixtures + 1]))
        expert_distribution = tf.nn.sigmoid(tf.reshape(expert_activations, [-1, self.num_mixtures]))
        probs = tf.reduce_sum(gating_distribution[:, :self.num_mixtures] * expert_distribution, 1)
        return {"predictions": tf.reshape(probs, [-1, self.vocab_size])}
