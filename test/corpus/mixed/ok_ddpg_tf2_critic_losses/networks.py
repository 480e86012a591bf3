# Idiom seen in: ethanvillalovoz/ddpg-paper-reimplementation src/ddpg_agent.py
# Idiom seen in: ethanvillalovoz/ddpg-paper-reimplementation DDPG.py
# What it reproduces: TF2 actor/critic for the DDPG paper re-implementation; the critic carries the paper's
# "L2 weight decay of 1e-2 on Q" as Keras kernel_regularizers, which the agent adds to the critic loss. Clean.
import tensorflow as tf
from tensorflow.keras import layers, regularizers
from tensorflow.keras.initializers import RandomUniform

CRITIC_L2 = 1e-2


class ActorNetwork(tf.keras.Model):
    def __init__(self, n_actions, fc1_dims, fc2_dims, input_dims, action_bound):
        super().__init__()
        self.action_bound = action_bound
        self.fc1 = layers.Dense(fc1_dims, activation='relu')
        self.fc2 = layers.Dense(fc2_dims, activation='relu')
        self.mu = layers.Dense(n_actions, activation='tanh',
                               kernel_initializer=RandomUniform(-3e-3, 3e-3))

    def call(self, state):
        return self.mu(self.fc2(self.fc1(state))) * self.action_bound


class Critic(tf.keras.Model):
    def __init__(self, fc1_dims, fc2_dims, input_dims, n_actions):
        super().__init__()
        self.fc1 = layers.Dense(fc1_dims, activation='relu',
                                kernel_regularizer=regularizers.l2(CRITIC_L2))
        self.fc2 = layers.Dense(fc2_dims, activation='relu',
                                kernel_regularizer=regularizers.l2(CRITIC_L2))
        self.q = layers.Dense(1, kernel_initializer=RandomUniform(-3e-3, 3e-3),
                              kernel_regularizer=regularizers.l2(CRITIC_L2))

    def call(self, state, action):
        x = self.fc1(state)
        x = self.fc2(tf.concat([x, action], axis=1))
        return self.q(x)
