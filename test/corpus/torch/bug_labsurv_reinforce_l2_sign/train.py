# Idiom seen in: Eicmlye/labsurv configs/cart_pole/agents/reinforce.py
# What it reproduces: REINFORCE agent built from an agent_cfg dict; the user adds an L2 penalty on the
# policy net with a sign slip (subtracted from the loss), so it rewards larger weights.
import gym

from configs.reinforce import agent_cfg
from labsurv.reinforce import REINFORCE


def main(episodes=10000):
    env = gym.make("CartPole-v1")
    agent = REINFORCE(**agent_cfg["agent"])
    for episode in range(episodes):
        state, _ = env.reset()
        transitions = {"state": [], "action": [], "reward": []}
        done = False
        while not done:
            action = agent.take_action(state)
            next_state, reward, terminated, truncated, _ = env.step(action)
            transitions["state"].append(state)
            transitions["action"].append(action)
            transitions["reward"].append(reward)
            state, done = next_state, terminated or truncated
        agent.update(transitions)


if __name__ == "__main__":
    main()
