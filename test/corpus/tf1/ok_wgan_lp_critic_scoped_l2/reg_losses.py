# Idiom seen in: mikigom/WGAN-LP-tensorflow trainer.py
# What it reproduces: the Lipschitz / gradient penalty on the critic's input gradients (a penalty on
#   gradients, not a weight decay) returned with the perturbed samples.
import tensorflow as tf
from model import Critic


def get_regularization_term(training_samples, generated_samples, reg_type, per_type, critic_variable_scope_name):
    if per_type == 'no_purf':
        x_hat = training_samples
    else:
        alpha = tf.random.uniform(shape=[tf.shape(training_samples)[0], 1], minval=0., maxval=1.)
        x_hat = alpha * training_samples + (1. - alpha) * generated_samples
    critic_hat = Critic(x_hat, variable_scope_name=critic_variable_scope_name, reuse=True)
    gradients = tf.gradients(critic_hat.output_tensor, [x_hat])[0]
    slopes = tf.sqrt(tf.reduce_sum(tf.square(gradients), axis=1))
    if reg_type == 'GP':
        penalty = tf.reduce_mean((slopes - 1.) ** 2)
    elif reg_type == 'LP':
        penalty = tf.reduce_mean(tf.maximum(0., slopes - 1.) ** 2)
    else:
        raise ValueError(reg_type)
    return penalty, x_hat
