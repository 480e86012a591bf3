# Idiom seen in: yanpanlau/DDPG-Keras-Torcs CriticNetwork.py
# What it reproduces: DDPG critic Q(s, a) as a Keras Model compiled with mse and trained with
#   train_on_batch; its l2 kernel regularizers reach the compiled loss (this half is fine).
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input, Add
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.regularizers import l2

HIDDEN1_UNITS = 300
HIDDEN2_UNITS = 600
CRITIC_L2 = 1e-2


class CriticNetwork(object):
    def __init__(self, sess, state_size, action_size, BATCH_SIZE, TAU, LEARNING_RATE):
        self.sess = sess
        self.BATCH_SIZE = BATCH_SIZE
        self.TAU = TAU
        self.LEARNING_RATE = LEARNING_RATE
        self.action_size = action_size
        tf.compat.v1.keras.backend.set_session(sess)

        self.model, self.action, self.state = self.create_critic_network(state_size, action_size)
        self.target_model, self.target_action, self.target_state = self.create_critic_network(state_size, action_size)
        self.action_grads = tf.gradients(self.model.output, self.action)
        self.sess.run(tf.compat.v1.global_variables_initializer())

    def gradients(self, states, actions):
        return self.sess.run(self.action_grads, feed_dict={self.state: states, self.action: actions})[0]

    def target_train(self):
        critic_weights = self.model.get_weights()
        critic_target_weights = self.target_model.get_weights()
        for i in range(len(critic_weights)):
            critic_target_weights[i] = self.TAU * critic_weights[i] + (1 - self.TAU) * critic_target_weights[i]
        self.target_model.set_weights(critic_target_weights)

    def create_critic_network(self, state_size, action_dim):
        S = Input(shape=[state_size])
        A = Input(shape=[action_dim], name='action2')
        w1 = Dense(HIDDEN1_UNITS, activation='relu', kernel_regularizer=l2(CRITIC_L2))(S)
        a1 = Dense(HIDDEN2_UNITS, activation='linear', kernel_regularizer=l2(CRITIC_L2))(A)
        h1 = Dense(HIDDEN2_UNITS, activation='linear', kernel_regularizer=l2(CRITIC_L2))(w1)
        h2 = Add()([h1, a1])
        h3 = Dense(HIDDEN2_UNITS, activation='relu', kernel_regularizer=l2(CRITIC_L2))(h2)
        V = Dense(action_dim, activation='linear')(h3)
        model = Model(inputs=[S, A], outputs=V)
        model.compile(loss='mse', optimizer=Adam(learning_rate=self.LEARNING_RATE))
        return model, A, S
