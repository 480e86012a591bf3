# Idiom seen in: Fra-Tsuna/SAC-HER-Tensorflow2 HER_SAC_agent.py
# What it reproduces: the SAC update with one GradientTape per network; critic1_loss / critic2_loss are
#   the bare soft-Bellman MSE, differentiated against critic_1 / critic_2 trainable variables.
import numpy as np
import tensorflow as tf
from tensorflow_addons.optimizers import RectifiedAdam

from models import ActorNetwork, CriticNetwork, ValueNetwork

MINIBATCH_SAMPLE_SIZE = 256
LEARNING_RATE = 0.001
LR_TEMPERATURE = 0.001
GAMMA = 0.95
TAU = 0.005


class HER_SAC_Agent:
    def __init__(self, env, her_buffer):
        self.env = env
        self.her_buffer = her_buffer
        self.obs_size = env.observation_space['observation'].shape[0]
        self.goal_size = env.observation_space['desired_goal'].shape[0]
        self.state_size = self.obs_size + self.goal_size
        self.action_size = env.action_space.shape[0]
        normal_state_shape = (self.state_size,)
        critic_state_shape = (self.state_size + self.action_size,)

        self.actor = ActorNetwork(normal_state_shape, self.action_size)
        self.critic_1 = CriticNetwork(critic_state_shape)
        self.critic_2 = CriticNetwork(critic_state_shape)
        self.value = ValueNetwork(normal_state_shape)
        self.target_value = ValueNetwork(normal_state_shape)
        self.log_temperature = tf.Variable(tf.math.log(1.0), dtype=tf.float32)
        self.target_entropy = -tf.constant(self.action_size, dtype=tf.float32)

        inputs = tf.keras.Input(shape=normal_state_shape, dtype=tf.float32)
        self.value(inputs)
        self.target_value(inputs)
        self.soft_update(tau=1.0)

        self.actor_optimizer = RectifiedAdam(LEARNING_RATE)
        self.critic1_optimizer = RectifiedAdam(LEARNING_RATE)
        self.critic2_optimizer = RectifiedAdam(LEARNING_RATE)
        self.value_optimizer = RectifiedAdam(LEARNING_RATE)
        self.temperature_optimizer = RectifiedAdam(LR_TEMPERATURE)

    def optimization(self, ere_ck=None):
        minibatch = self.her_buffer.sample(minibatch_size=MINIBATCH_SAMPLE_SIZE, ere_ck=ere_ck)
        states = np.array([exp.state for exp in minibatch], dtype=np.float32)
        new_states = np.array([exp.new_state for exp in minibatch], dtype=np.float32)
        exp_actions = np.array([exp.action for exp in minibatch], dtype=np.float32)
        rewards = np.array([exp.reward for exp in minibatch], dtype=np.float32)
        dones = np.array([exp.done for exp in minibatch], dtype=np.float32)

        temperature = tf.exp(self.log_temperature)
        actions, log_probs = self.actor(states, noisy=True)
        q = tf.minimum(self.critic_1(states, actions), self.critic_2(states, actions))
        with tf.GradientTape() as value_tape:
            v = self.value(states)
            value_loss = 0.5 * tf.reduce_mean(tf.square(v - (q - temperature * log_probs)))
        value_grads = value_tape.gradient(value_loss, self.value.trainable_variables)
        self.value_optimizer.apply_gradients(zip(value_grads, self.value.trainable_variables))

        v_tgt = self.target_value(new_states)
        q_tgt = tf.reshape(rewards + GAMMA * (1.0 - dones) * tf.reshape(v_tgt, -1), (len(rewards), 1))
        with tf.GradientTape() as critic1_tape:
            q1 = self.critic_1(states, exp_actions)
            critic1_loss = 0.5 * tf.reduce_mean(tf.square(q1 - q_tgt))
        with tf.GradientTape() as critic2_tape:
            q2 = self.critic_2(states, exp_actions)
            critic2_loss = 0.5 * tf.reduce_mean(tf.square(q2 - q_tgt))
        critic1_grads = critic1_tape.gradient(critic1_loss, self.critic_1.trainable_variables)
        critic2_grads = critic2_tape.gradient(critic2_loss, self.critic_2.trainable_variables)
        self.critic1_optimizer.apply_gradients(zip(critic1_grads, self.critic_1.trainable_variables))
        self.critic2_optimizer.apply_gradients(zip(critic2_grads, self.critic_2.trainable_variables))

        with tf.GradientTape() as actor_tape:
            actions, log_probs = self.actor(states, noisy=True)
            q = tf.minimum(self.critic_1(states, actions), self.critic_2(states, actions))
            actor_loss = tf.reduce_mean(temperature * log_probs - q)
        actor_grads = actor_tape.gradient(actor_loss, self.actor.trainable_variables)
        self.actor_optimizer.apply_gradients(zip(actor_grads, self.actor.trainable_variables))

        actions, log_probs = self.actor(states, noisy=False)
        with tf.GradientTape() as temperature_tape:
            temperature_loss = tf.reduce_mean(-tf.exp(self.log_temperature) * (log_probs + self.target_entropy))
        temperature_grads = temperature_tape.gradient(temperature_loss, [self.log_temperature])
        self.temperature_optimizer.apply_gradients(zip(temperature_grads, [self.log_temperature]))
        return value_loss, critic1_loss, critic2_loss, actor_loss, temperature_loss

    def soft_update(self, tau=TAU):
        for source, target in zip(self.value.variables, self.target_value.variables):
            target.assign((1.0 - tau) * target + tau * source)
