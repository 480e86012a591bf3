# Idiom seen in: hungtuchen/pytorch-dqn main.py
# Idiom seen in: hungtuchen/pytorch-dqn dqn_learn.py
# What it reproduces: OptimizerSpec(constructor, kwargs) splatted into constructor(Q.parameters(), **kwargs); the user
#   switches to RMSprop and adds weight_decay to the kwargs (user mistake in the repo idiom): coupled L2 under RMSprop,
#   on the Q-network biases too.
import random
from collections import namedtuple
from itertools import count

import torch
import torch.nn as nn
import torch.nn.functional as F

from utils.replay_buffer import ReplayBuffer

OptimizerSpec = namedtuple("OptimizerSpec", ["constructor", "kwargs", "lr_schedule"])


def construct_optimizer_func(model, spec):
    return lambda t: spec.constructor(model.parameters(), lr=spec.lr_schedule.value(t), **spec.kwargs)  # expect: WD203


def dqn_learing(env, q_func, optimizer_spec, exploration, replay_buffer_size=1000000, batch_size=32,
                gamma=0.99, learning_starts=50000, learning_freq=4, target_update_freq=10000, grad_norm_clipping=10):
    input_arg = env.observation_space.shape[0]
    num_actions = env.action_space.n

    Q = q_func(input_arg, num_actions)
    target_Q = q_func(input_arg, num_actions)
    optimizer_func = construct_optimizer_func(Q, optimizer_spec)
    replay_buffer = ReplayBuffer(replay_buffer_size, 1)

    num_param_updates = 0
    last_obs = env.reset()
    for t in count():
        idx = replay_buffer.store_frame(last_obs)
        obs_in = torch.from_numpy(replay_buffer.encode_recent_observation()).float().unsqueeze(0)
        if t > learning_starts and random.random() > exploration.value(t):
            action = Q(obs_in).detach().max(1)[1].item()
        else:
            action = random.randrange(num_actions)
        obs, reward, done, _ = env.step(action)
        replay_buffer.store_effect(idx, action, reward, done)
        last_obs = env.reset() if done else obs

        if t > learning_starts and t % learning_freq == 0 and replay_buffer.can_sample(batch_size):
            obs_b, act_b, rew_b, next_obs_b, done_mask = replay_buffer.sample(batch_size)
            obs_b, next_obs_b = torch.from_numpy(obs_b).float(), torch.from_numpy(next_obs_b).float()
            act_b, rew_b = torch.from_numpy(act_b).long(), torch.from_numpy(rew_b).float()
            not_done = 1.0 - torch.from_numpy(done_mask).float()

            current_Q_values = Q(obs_b).gather(1, act_b.unsqueeze(1)).squeeze(1)
            next_Q_values = not_done * target_Q(next_obs_b).detach().max(1)[0]
            target_Q_values = rew_b + gamma * next_Q_values
            bellman_error = F.smooth_l1_loss(current_Q_values, target_Q_values)

            optimizer = optimizer_func(t)
            optimizer.zero_grad()
            bellman_error.backward()
            nn.utils.clip_grad_norm_(Q.parameters(), grad_norm_clipping)
            optimizer.step()
            num_param_updates += 1
            if num_param_updates % target_update_freq == 0:
                target_Q.load_state_dict(Q.state_dict())
