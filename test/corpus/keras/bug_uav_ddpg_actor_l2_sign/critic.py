# Idiom seen in: Kushagrkapoor/UAVNav critic.py
# What it reproduces: the DDPG critic Q(s, a) as a tf.keras.Model subclass taking state and action.
import tensorflow as tf


class Critic(tf.keras.Model):
    def __init__(self):
        super(Critic, self).__init__()
        self.fc1 = tf.keras.layers.Dense(128, activation='relu')
        self.fc2 = tf.keras.layers.Dense(64, activation='relu')
        self.output_layer = tf.keras.layers.Dense(1)

    def call(self, state, action):
        x = tf.concat([state, action], axis=-1)
        x = self.fc1(x)
        x = self.fc2(x)
        return self.output_layer(x)
