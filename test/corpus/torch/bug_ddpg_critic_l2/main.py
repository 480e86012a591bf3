# Idiom seen in: sfujim/TD3 main.py
# What it reproduces: the gym entry point: argparse, the policy chosen by name from a dict of kwargs,
# a replay buffer from a utils module the folder lacks, random exploration then policy.train per step.
# label-note: no findings here; see DDPG.py.
import argparse

import gym
import numpy as np
import torch

import utils
import DDPG


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--policy", default="DDPG")
    parser.add_argument("--env", default="HalfCheetah-v2")
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--start_timesteps", default=25e3, type=int)
    parser.add_argument("--max_timesteps", default=1e6, type=int)
    parser.add_argument("--expl_noise", default=0.1, type=float)
    parser.add_argument("--batch_size", default=64, type=int)
    parser.add_argument("--discount", default=0.99, type=float)
    parser.add_argument("--tau", default=0.001, type=float)
    args = parser.parse_args()

    env = gym.make(args.env)
    env.seed(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    state_dim = env.observation_space.shape[0]
    action_dim = env.action_space.shape[0]
    max_action = float(env.action_space.high[0])
    kwargs = {
        "state_dim": state_dim,
        "action_dim": action_dim,
        "max_action": max_action,
        "discount": args.discount,
        "tau": args.tau,
    }
    policy = DDPG.DDPG(**kwargs)
    replay_buffer = utils.ReplayBuffer(state_dim, action_dim)

    state, done = env.reset(), False
    for t in range(int(args.max_timesteps)):
        if t < args.start_timesteps:
            action = env.action_space.sample()
        else:
            noise = np.random.normal(0, max_action * args.expl_noise, size=action_dim)
            action = (policy.select_action(np.array(state)) + noise).clip(-max_action, max_action)
        next_state, reward, done, _ = env.step(action)
        replay_buffer.add(state, action, next_state, reward, float(done))
        state = next_state
        if t >= args.start_timesteps:
            policy.train(replay_buffer, args.batch_size)
        if done:
            state, done = env.reset(), False
