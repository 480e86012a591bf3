# Idiom seen in: mikigom/WGAN-LP-tensorflow model.py
# What it reproduces: slim MLP Generator/Critic classes built under their own variable scopes; the
#   critic passes a weight_decay so its fully_connected layers get slim.l2_regularizer (clean; the
#   trainer adds the critic-scoped regularization loss to the critic loss).
from typing import Callable

import tensorflow as tf
import tf_slim as slim

__leaky_relu_alpha__ = 0.2


def __leaky_relu__(x, alpha=__leaky_relu_alpha__, name='Leaky_ReLU'):
    return tf.maximum(x, alpha * x, name=name)


class Model(object):
    def __init__(self, input_tensor, variable_scope_name: str, n_hidden_neurons: int, n_hidden_layers: int,
                 n_out_dim: int, activation_fn: Callable, reuse: bool, weight_decay: float = None):
        self.input = input_tensor
        self.variable_scope_name = variable_scope_name
        self.n_hidden_neurons = n_hidden_neurons
        self.n_hidden_layers = n_hidden_layers
        self.n_out_dim = n_out_dim
        self.activation_fn = activation_fn
        self.reuse = reuse
        self.weight_decay = weight_decay
        self.output_tensor = None
        self.var_list = None
        self.define_model()

    def define_model(self):
        regularizer = slim.l2_regularizer(self.weight_decay) if self.weight_decay else None
        with tf.compat.v1.variable_scope(self.variable_scope_name, reuse=self.reuse) as scope:
            x = self.input
            with slim.arg_scope([slim.fully_connected],
                                num_outputs=self.n_hidden_neurons,
                                activation_fn=self.activation_fn,
                                weights_regularizer=regularizer):
                for i in range(self.n_hidden_layers):
                    x = slim.fully_connected(inputs=x)
                self.output_tensor = slim.fully_connected(inputs=x, num_outputs=self.n_out_dim, activation_fn=None)
        self.var_list = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.TRAINABLE_VARIABLES, scope=scope.name)


class Generator(Model):
    def __init__(self, input_tensor, variable_scope_name='Generator', n_hidden_neurons=512, n_hidden_layers=3,
                 n_out_dim=2, activation_fn=__leaky_relu__, reuse=False):
        super(Generator, self).__init__(input_tensor, variable_scope_name, n_hidden_neurons, n_hidden_layers,
                                        n_out_dim, activation_fn, reuse)


class Critic(Model):
    def __init__(self, input_tensor, variable_scope_name='Critic', n_hidden_neurons=512, n_hidden_layers=3,
                 n_out_dim=1, activation_fn=__leaky_relu__, reuse=False, weight_decay=1e-4):
        super(Critic, self).__init__(input_tensor, variable_scope_name, n_hidden_neurons, n_hidden_layers,
                                     n_out_dim, activation_fn, reuse, weight_decay)
