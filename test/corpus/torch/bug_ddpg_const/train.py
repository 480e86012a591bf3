# Idiom seen in: takeru1205/DDPG_PyTorch train.py
# What it reproduces: the gym interaction loop that fills the replay memory and calls agent.update() once per environment step.
import gym
import numpy as np

from agent import DDPG
from const import batch_size


def main(env_name="Pendulum-v1", episodes=300, start_steps=1000):
    env = gym.make(env_name)
    agent = DDPG(env)
    total_steps = 0
    for episode in range(episodes):
        state = env.reset()
        episode_reward, done = 0.0, False
        while not done:
            if total_steps < start_steps:
                action = env.action_space.sample()
            else:
                action = agent.get_action(state)
            next_state, reward, done, _ = env.step(action)
            agent.memory.add(state, action, reward, next_state, float(done))
            state = next_state
            episode_reward += reward
            total_steps += 1
            if total_steps >= batch_size:
                agent.update()
        print(f"episode {episode} reward {episode_reward:.1f} avg-action {np.abs(action).mean():.2f}")
    env.close()


if __name__ == "__main__":
    main()
