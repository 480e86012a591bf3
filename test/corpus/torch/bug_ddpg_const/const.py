# Idiom seen in: takeru1205/DDPG_PyTorch const.py
# What it reproduces: DDPG hyper-parameters as module constants pulled in with `from const import *`; the critic's L2 weight decay is the paper's 1e-2.
gamma = 0.99  # discount factor
tau = 0.005  # soft target update
weight_decay = 1e-2  # L2 weight decay on the critic (Lillicrap et al.)
actor_lr = 1e-4
critic_lr = 1e-3
batch_size = 64
memory_size = 1000000
action_l2 = 1.0  # penalty on the size of pre-scaled actions (HER-style), not on weights
exploration_noise = 0.1
