# Idiom seen in: Rowing0914/TF_RL tf_rl/common/networks.py (L2 = tf.keras.regularizers.l2(1e-2), Duelling_cartpole)
# What it reproduces: a module of subclassed Q-networks whose Dense layers all carry the module-level L2
#   regularizer (here through a small _fc factory); agents receive the class and instantiate it twice.
# label-note: WD103 on the kernel_regularizer argument inside _fc (the one place every layer of the model gets
#   its regularizer). The agent in double_dqn.py trains these models in a tf.GradientTape loop whose loss never
#   adds self.main_model.losses (the repository's DDPG/DQfD agents do add them; the Double DQN one does not).
import tensorflow as tf

L2 = tf.keras.regularizers.l2(1e-2)


def _fc(units, activation='relu'):
    return tf.keras.layers.Dense(units, activation=activation,
                                 kernel_regularizer=L2)  # expect: WD103


class Duelling_cartpole(tf.keras.Model):
    def __init__(self, num_action, duelling_type='avg'):
        super(Duelling_cartpole, self).__init__()
        self.duelling_type = duelling_type
        self.dense1 = _fc(16)
        self.dense2 = _fc(16)
        self.dense3 = _fc(16)
        self.q_value = _fc(num_action, activation='linear')
        self.v_value = _fc(1, activation='linear')

    def call(self, inputs):
        x = self.dense3(self.dense2(self.dense1(inputs)))
        q_value = self.q_value(x)
        v_value = self.v_value(x)
        if self.duelling_type == 'avg':
            # Q(s,a;theta) = V(s;theta) + (A(s,a;theta) - Avg_a(A(s,a;theta)))
            return v_value + (q_value - tf.reduce_mean(q_value, axis=-1, keepdims=True))
        # Q(s,a;theta) = V(s;theta) + (A(s,a;theta) - max_a(A(s,a;theta)))
        return v_value + (q_value - tf.reduce_max(q_value, axis=-1, keepdims=True))
