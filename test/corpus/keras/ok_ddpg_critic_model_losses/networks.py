# Idiom seen in: Rowing0914/TF_RL tf_rl/common/networks.py (DDPG_Actor, DDPG_Critic)
# What it reproduces: actor and critic as subclassed Keras models; only the critic's Dense kernels carry the
#   module-level L2 regularizer, the actor has none. The critic takes (obs, act) and concatenates the action
#   after the first layer.
import tensorflow as tf

L2 = tf.keras.regularizers.l2(1e-2)
KERNEL_INIT = tf.random_uniform_initializer(minval=-3e-3, maxval=3e-3)


class DDPG_Actor(tf.keras.Model):
    def __init__(self, num_action=1):
        super(DDPG_Actor, self).__init__()
        self.dense1 = tf.keras.layers.Dense(400, activation='relu', kernel_initializer=KERNEL_INIT)
        self.dense2 = tf.keras.layers.Dense(300, activation='relu', kernel_initializer=KERNEL_INIT)
        self.pred = tf.keras.layers.Dense(num_action, activation='tanh', kernel_initializer=KERNEL_INIT)

    def call(self, inputs):
        return self.pred(self.dense2(self.dense1(inputs)))


class DDPG_Critic(tf.keras.Model):
    def __init__(self, output_shape):
        super(DDPG_Critic, self).__init__()
        self.dense1 = tf.keras.layers.Dense(400, activation='relu', kernel_regularizer=L2,
                                            kernel_initializer=KERNEL_INIT)
        self.dense2 = tf.keras.layers.Dense(300, activation='relu', kernel_regularizer=L2,
                                            kernel_initializer=KERNEL_INIT)
        self.pred = tf.keras.layers.Dense(output_shape, activation='linear', kernel_regularizer=L2,
                                          kernel_initializer=KERNEL_INIT)

    def call(self, obs, act):
        x = self.dense1(obs)
        x = self.dense2(tf.concat([x, act], axis=-1))
        return self.pred(x)
