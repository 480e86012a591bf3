# Idiom seen in: Fra-Tsuna/SAC-HER-Tensorflow2 models.py
# What it reproduces: SAC actor / twin critic / value networks as subclassed Keras models; the critics'
#   Dense layers carry kernel_regularizer=l2(CRITIC_L2) (the DDPG-style critic decay the user added), but
#   the agent's critic losses never add critic.losses (user mistake in the repository's idiom).
import tensorflow as tf
import tensorflow_probability as tfp
from tensorflow.keras import Model, Sequential, layers
from tensorflow.keras.regularizers import l2

ACTOR_DENSE_1 = 256
ACTOR_DENSE_2 = 256
CRITIC_DENSE_1 = 256
CRITIC_DENSE_2 = 256
VALUE_DENSE_1 = 256
VALUE_DENSE_2 = 256
CRITIC_L2 = 1e-2
NOISE = 1e-6
LOG_STD_MIN = -20
LOG_STD_MAX = 2


class ActorNetwork(Model):
    def __init__(self, input_dim, action_dim):
        super(ActorNetwork, self).__init__()
        self.input_layer = layers.InputLayer(input_shape=input_dim)
        self.layer_1 = layers.Dense(ACTOR_DENSE_1, activation=layers.ReLU())
        self.layer_2 = layers.Dense(ACTOR_DENSE_2, activation=layers.ReLU())
        self.mean = layers.Dense(action_dim)
        self.log_std_dev = layers.Dense(action_dim)

    def call(self, state, noisy=True):
        x = self.layer_2(self.layer_1(self.input_layer(state)))
        mean = self.mean(x)
        log_std = tf.clip_by_value(self.log_std_dev(x), LOG_STD_MIN, LOG_STD_MAX)
        std_dev = tf.exp(log_std)
        policy = tfp.distributions.Normal(mean, std_dev)
        if noisy:
            action_sample = mean + tfp.distributions.Normal(0, 1).sample() * std_dev
        else:
            action_sample = policy.sample()
        squashed_actions = tf.tanh(action_sample)
        logprob = policy.log_prob(action_sample) - tf.math.log(1.0 - tf.pow(squashed_actions, 2) + NOISE)
        return squashed_actions, tf.reduce_sum(logprob, axis=1, keepdims=True)


class CriticNetwork(Model):
    def __init__(self, input_dim):
        super(CriticNetwork, self).__init__()
        self.net = Sequential()
        self.net.add(layers.InputLayer(input_shape=input_dim))
        self.net.add(layers.Dense(CRITIC_DENSE_1, kernel_regularizer=l2(CRITIC_L2)))  # expect: WD103
        self.net.add(layers.ReLU())
        self.net.add(layers.Dense(CRITIC_DENSE_2, kernel_regularizer=l2(CRITIC_L2)))  # expect: WD103
        self.net.add(layers.ReLU())
        self.net.add(layers.Dense(1, kernel_regularizer=l2(CRITIC_L2)))  # expect: WD103

    def call(self, state, action):
        return self.net(tf.concat([state, action], axis=1))


class ValueNetwork(Model):
    def __init__(self, input_dim):
        super(ValueNetwork, self).__init__()
        self.net = Sequential()
        self.net.add(layers.InputLayer(input_shape=input_dim))
        self.net.add(layers.Dense(VALUE_DENSE_1))
        self.net.add(layers.ReLU())
        self.net.add(layers.Dense(VALUE_DENSE_2))
        self.net.add(layers.ReLU())
        self.net.add(layers.Dense(1))

    def call(self, state):
        return self.net(state)
