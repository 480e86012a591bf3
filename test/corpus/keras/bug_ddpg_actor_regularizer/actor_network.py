# Idiom seen in: yanpanlau/DDPG-Keras-Torcs ActorNetwork.py
# What it reproduces: DDPG actor as a Keras Model updated with
#   tf.gradients(model.output, weights, -action_gradient) + Adam.apply_gradients (no loss, no fit);
#   the user gives its hidden layers l2 kernel regularizers, which this update never includes, so the actor
#   is never decayed (the fitted critic in critic_network.py is).
import tensorflow as tf
from tensorflow.keras.layers import Dense, Input, Concatenate
from tensorflow.keras.models import Model
from tensorflow.keras.initializers import RandomNormal
from tensorflow.keras.regularizers import l2

HIDDEN1_UNITS = 300
HIDDEN2_UNITS = 600
ACTOR_L2 = 1e-4


class ActorNetwork(object):
    def __init__(self, sess, state_size, action_size, BATCH_SIZE, TAU, LEARNING_RATE):
        self.sess = sess
        self.BATCH_SIZE = BATCH_SIZE
        self.TAU = TAU
        self.LEARNING_RATE = LEARNING_RATE
        tf.compat.v1.keras.backend.set_session(sess)

        self.model, self.weights, self.state = self.create_actor_network(state_size, action_size)
        self.target_model, self.target_weights, self.target_state = self.create_actor_network(state_size, action_size)
        self.action_gradient = tf.compat.v1.placeholder(tf.float32, [None, action_size])
        self.params_grad = tf.gradients(self.model.output, self.weights, -self.action_gradient)
        grads = zip(self.params_grad, self.weights)
        self.optimize = tf.compat.v1.train.AdamOptimizer(LEARNING_RATE).apply_gradients(grads)
        self.sess.run(tf.compat.v1.global_variables_initializer())

    def train(self, states, action_grads):
        self.sess.run(self.optimize, feed_dict={self.state: states, self.action_gradient: action_grads})

    def target_train(self):
        actor_weights = self.model.get_weights()
        actor_target_weights = self.target_model.get_weights()
        for i in range(len(actor_weights)):
            actor_target_weights[i] = self.TAU * actor_weights[i] + (1 - self.TAU) * actor_target_weights[i]
        self.target_model.set_weights(actor_target_weights)

    def create_actor_network(self, state_size, action_dim):
        S = Input(shape=[state_size])
        h0 = Dense(HIDDEN1_UNITS, activation='relu', kernel_regularizer=l2(ACTOR_L2))(S)  # expect: WD103
        h1 = Dense(HIDDEN2_UNITS, activation='relu', kernel_regularizer=l2(ACTOR_L2))(h0)  # expect: WD103
        init = RandomNormal(stddev=1e-4)
        Steering = Dense(1, activation='tanh', kernel_initializer=init)(h1)
        Acceleration = Dense(1, activation='sigmoid', kernel_initializer=init)(h1)
        Brake = Dense(1, activation='sigmoid', kernel_initializer=init)(h1)
        V = Concatenate()([Steering, Acceleration, Brake])
        model = Model(inputs=S, outputs=V)
        return model, model.trainable_weights, S
