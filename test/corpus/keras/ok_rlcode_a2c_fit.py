# Idiom seen in: rlcode/reinforcement-learning 2-cartpole/4-actor-critic/cartpole_a2c.py
# What it reproduces: rlcode's Keras A2C agent, actor and critic as compiled Sequential models updated
#   with fit() on the advantage / TD target every step; here both carry l2 kernel regularizers, which fit
#   adds to their compiled losses. Clean.
import sys
import gym
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.regularizers import l2

EPISODES = 1000
L2_REG = 1e-4


class A2CAgent:
    def __init__(self, state_size, action_size):
        self.state_size = state_size
        self.action_size = action_size
        self.value_size = 1
        self.discount_factor = 0.99
        self.actor_lr = 0.001
        self.critic_lr = 0.005
        self.actor = self.build_actor()
        self.critic = self.build_critic()

    def build_actor(self):
        actor = Sequential()
        actor.add(Dense(24, input_dim=self.state_size, activation='relu', kernel_initializer='he_uniform', kernel_regularizer=l2(L2_REG)))
        actor.add(Dense(self.action_size, activation='softmax', kernel_initializer='he_uniform', kernel_regularizer=l2(L2_REG)))
        actor.compile(loss='categorical_crossentropy', optimizer=Adam(learning_rate=self.actor_lr))
        return actor

    def build_critic(self):
        critic = Sequential()
        critic.add(Dense(24, input_dim=self.state_size, activation='relu', kernel_initializer='he_uniform', kernel_regularizer=l2(L2_REG)))
        critic.add(Dense(self.value_size, activation='linear', kernel_initializer='he_uniform'))
        critic.compile(loss="mse", optimizer=Adam(learning_rate=self.critic_lr))
        return critic

    def get_action(self, state):
        policy = self.actor.predict(state, batch_size=1).flatten()
        return np.random.choice(self.action_size, 1, p=policy)[0]

    def train_model(self, state, action, reward, next_state, done):
        target = np.zeros((1, self.value_size))
        advantages = np.zeros((1, self.action_size))
        value = self.critic.predict(state)[0]
        next_value = self.critic.predict(next_state)[0]
        if done:
            advantages[0][action] = reward - value
            target[0][0] = reward
        else:
            advantages[0][action] = reward + self.discount_factor * next_value - value
            target[0][0] = reward + self.discount_factor * next_value
        self.actor.fit(state, advantages, epochs=1, verbose=0)
        self.critic.fit(state, target, epochs=1, verbose=0)


if __name__ == "__main__":
    env = gym.make('CartPole-v1')
    state_size = env.observation_space.shape[0]
    action_size = env.action_space.n
    agent = A2CAgent(state_size, action_size)
    scores = []
    for e in range(EPISODES):
        done = False
        score = 0
        state = np.reshape(env.reset(), [1, state_size])
        while not done:
            action = agent.get_action(state)
            next_state, reward, done, info = env.step(action)
            next_state = np.reshape(next_state, [1, state_size])
            reward = reward if not done or score == 499 else -100
            agent.train_model(state, action, reward, next_state, done)
            score += reward
            state = next_state
        scores.append(score)
        print("episode:", e, "  score:", score)
        if np.mean(scores[-min(10, len(scores)):]) > 490:
            sys.exit()
