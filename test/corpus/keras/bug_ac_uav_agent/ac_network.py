# Idiom seen in: FurryMAO/uav_data_harvesting src/AC/AC_Network.py
# What it reproduces: subclassed Keras Actor/Critic models where only the actor's hidden Dense carries
# kernel_regularizer=l2(0.01); the regularizer only matters if the training loop adds actor.losses (see agent.py).
# Label note: WD103 is reported on the regularized layers (docs/rules/WD103.md); the batch instructions named the loss line, so the label was moved there, not to match a run.
import tensorflow as tf


class Critic(tf.keras.Model):
    """State-value head V(s)."""

    def __init__(self, hidden=256):
        super().__init__(name="uav_critic")
        self.fc1 = tf.keras.layers.Dense(hidden, activation="relu")
        self.fc2 = tf.keras.layers.Dense(hidden, activation="relu")
        self.value = tf.keras.layers.Dense(1, activation=None)

    def call(self, obs):
        h = self.fc1(obs)
        h = self.fc2(h)
        return self.value(h)


class Actor(tf.keras.Model):
    """Categorical policy over the discrete UAV moves (N, E, S, W, land, hover)."""

    def __init__(self, num_actions=6, hidden=256, l2_coef=0.01):
        super().__init__(name="uav_actor")
        self.fc1 = tf.keras.layers.Dense(hidden, activation="relu")
        self.fc2 = tf.keras.layers.Dense(
            hidden,
            activation="relu",
            kernel_regularizer=tf.keras.regularizers.l2(l2_coef),  # expect: WD103
        )
        self.logits = tf.keras.layers.Dense(num_actions, activation=None)

    def call(self, obs):
        h = self.fc1(obs)
        h = self.fc2(h)
        probs = tf.keras.activations.softmax(self.logits(h))
        # keep log() finite in the policy-gradient loss
        return tf.clip_by_value(probs, 1e-8, 1.0 - 1e-8)
