# Idiom seen in: FurryMAO/uav_data_harvesting src/AC/Agent.py (ACAgent.train with two GradientTapes)
# What it reproduces: a one-step actor-critic update written with two tapes; the actor loss is the
# policy-gradient term only and never adds actor.losses, so the l2(0.01) kernel_regularizer declared in
# ac_network.py is dead (bug).
import numpy as np
import tensorflow as tf
import tensorflow_probability as tfp

from ac_network import Actor, Critic
from uav_env import make_env  # environment package of the project, not part of this folder


class ACAgentParams:
    def __init__(self):
        self.learning_rate = 3e-5
        self.gamma = 0.95
        self.hidden_layer_size = 256
        self.actor_l2 = 0.01


class ACAgent:
    def __init__(self, params, num_actions):
        self.params = params
        self.gamma = tf.constant(params.gamma, dtype=tf.float32)
        self.actor = Actor(num_actions, params.hidden_layer_size, params.actor_l2)
        self.critic = Critic(params.hidden_layer_size)
        self.a_opt = tf.optimizers.Adam(learning_rate=params.learning_rate, amsgrad=True)
        self.c_opt = tf.optimizers.Adam(learning_rate=params.learning_rate, amsgrad=True)

    def act(self, state):
        prob = self.actor(state[np.newaxis, ...]).numpy()[0]
        dist = tfp.distributions.Categorical(probs=prob, dtype=tf.float32)
        return int(dist.sample())

    @staticmethod
    def actor_loss(prob, action, td):
        dist = tfp.distributions.Categorical(probs=prob, dtype=tf.float32)
        return -dist.log_prob(action) * tf.stop_gradient(td)

    def train(self, experiences):
        states, actions, rewards, next_states, terminated = experiences
        states = tf.convert_to_tensor(states, dtype=tf.float32)
        next_states = tf.convert_to_tensor(next_states, dtype=tf.float32)
        not_done = 1.0 - np.asarray(terminated, dtype=np.float32)

        with tf.GradientTape() as tape1, tf.GradientTape() as tape2:
            p = self.actor(states, training=True)
            v = tf.squeeze(self.critic(states, training=True), axis=-1)
            v_next = tf.squeeze(self.critic(next_states, training=True), axis=-1)
            td = rewards + self.gamma * v_next * not_done - v
            a_loss = tf.reduce_mean(self.actor_loss(p, actions, td))
            c_loss = tf.reduce_mean(td ** 2)

        grads1 = tape1.gradient(a_loss, self.actor.trainable_variables)
        grads2 = tape2.gradient(c_loss, self.critic.trainable_variables)
        self.a_opt.apply_gradients(zip(grads1, self.actor.trainable_variables))
        self.c_opt.apply_gradients(zip(grads2, self.critic.trainable_variables))
        return a_loss, c_loss


def run(episodes=500):
    env = make_env("manhattan32")
    agent = ACAgent(ACAgentParams(), env.num_actions)
    for episode in range(episodes):
        state, done, ret = env.reset(), False, 0.0
        while not done:
            action = agent.act(state)
            next_state, reward, done = env.step(action)
            agent.train(([state], [action], [reward], [next_state], [done]))
            state, ret = next_state, ret + reward
        if episode % 20 == 0:
            print("episode", episode, "return", ret)


if __name__ == "__main__":
    run()
