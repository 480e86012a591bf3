# Idiom seen in: philtabor/Actor-Critic-Methods-Paper-To-Code DDPG/main_ddpg.py
# What it reproduces: entry script of the DDPG agent; the decay problem is in networks.py.
import gym
import numpy as np

from ddpg_agent import Agent

if __name__ == '__main__':
    env = gym.make('LunarLanderContinuous-v2')
    agent = Agent(alpha=0.0001, beta=0.001, input_dims=env.observation_space.shape,
                  tau=0.001, batch_size=64, fc1_dims=400, fc2_dims=300,
                  n_actions=env.action_space.shape[0])
    n_games = 1000
    best_score = env.reward_range[0]
    score_history = []
    for i in range(n_games):
        observation = env.reset()
        done = False
        score = 0
        agent.noise.reset()
        while not done:
            action = agent.choose_action(observation)
            observation_, reward, done, info = env.step(action)
            agent.remember(observation, action, reward, observation_, done)
            agent.learn()
            score += reward
            observation = observation_
        score_history.append(score)
        avg_score = np.mean(score_history[-100:])
        if avg_score > best_score:
            best_score = avg_score
            agent.critic.save_checkpoint()
            agent.actor.save_checkpoint()
        print('episode', i, 'score %.1f' % score, 'average score %.1f' % avg_score)
