# Idiom seen in: jihoonerd/actor-critic README.md
# What it reproduces: a vanilla actor-critic for CartPole (TF 2.4, tfp) whose actor and critic share two dense layers
# (1024, 512) and are trained in a GradientTape loop. A user put l2 kernel_regularizers on the shared trunk, but the
# actor-critic loss differentiated by the tape is policy-gradient + value loss only: model.losses never joins it
# (a realistic mistake, not the repository's code).
import argparse

import gym
import numpy as np
import tensorflow as tf
import tensorflow_probability as tfp

parser = argparse.ArgumentParser()
parser.add_argument('--env', default='CartPole-v1')
parser.add_argument('--gamma', type=float, default=0.99)
parser.add_argument('--lr', type=float, default=1e-4)
parser.add_argument('--l2', type=float, default=1e-4)
parser.add_argument('--episodes', type=int, default=1000)
args = parser.parse_args()


class ActorCritic(tf.keras.Model):

    def __init__(self, num_actions, l2):
        super().__init__()
        self.fc1 = tf.keras.layers.Dense(1024, activation='relu',
                                         kernel_regularizer=tf.keras.regularizers.l2(l2))  # expect: WD103
        self.fc2 = tf.keras.layers.Dense(512, activation='relu',
                                         kernel_regularizer=tf.keras.regularizers.l2(l2))  # expect: WD103
        self.pi = tf.keras.layers.Dense(num_actions, activation='softmax')
        self.v = tf.keras.layers.Dense(1)

    def call(self, state):
        x = self.fc2(self.fc1(state))
        return self.pi(x), self.v(x)


class Agent(object):

    def __init__(self, num_actions):
        self.gamma = args.gamma
        self.model = ActorCritic(num_actions, args.l2)
        self.optimizer = tf.keras.optimizers.Adam(learning_rate=args.lr)

    def act(self, state):
        probs, _ = self.model(tf.convert_to_tensor([state], dtype=tf.float32))
        return int(tfp.distributions.Categorical(probs=probs).sample()[0])

    def learn(self, state, action, reward, next_state, done):
        state = tf.convert_to_tensor([state], dtype=tf.float32)
        next_state = tf.convert_to_tensor([next_state], dtype=tf.float32)
        with tf.GradientTape() as tape:
            probs, value = self.model(state)
            _, next_value = self.model(next_state)
            value, next_value = tf.squeeze(value), tf.squeeze(next_value)
            td_target = reward + self.gamma * next_value * (1 - int(done))
            delta = td_target - value
            log_prob = tfp.distributions.Categorical(probs=probs).log_prob(action)
            actor_loss = -log_prob * tf.stop_gradient(delta)
            critic_loss = delta ** 2
            total_loss = actor_loss + critic_loss
        grads = tape.gradient(total_loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))


def main():
    env = gym.make(args.env)
    agent = Agent(env.action_space.n)
    scores = []
    for episode in range(args.episodes):
        state, done, score = env.reset(), False, 0.0
        while not done:
            action = agent.act(state)
            next_state, reward, done, _ = env.step(action)
            agent.learn(state, action, reward, next_state, done)
            state = next_state
            score += reward
        scores.append(score)
        if episode % 20 == 0:
            print('episode %d  avg score %.1f' % (episode, np.mean(scores[-20:])))


if __name__ == '__main__':
    main()
