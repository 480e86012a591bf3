# Idiom seen in: felixykliu/magail gail/gail_gym.py
# What it reproduces: a module-level GAIL script with argparse (--l2-reg), three Adam optimizers without
#   weight_decay (policy, value, discriminator, re-created with smaller lrs after pretraining), and the
#   helper calls that apply the value network's explicit L2. Clean.
import argparse
import pickle

import numpy as np
import torch
from torch import nn

from helpers import update_dis_and_critic, update_policy_ppo
from models.mlp_critic import Value
from models.mlp_discriminator import Discriminator
from models.mlp_policy import Policy
from sampling import collect_samples, load_expert_data, pre_train_discrim, process_data

parser = argparse.ArgumentParser(description='PyTorch GAIL example')
parser.add_argument('--gamma', type=float, default=0.98, metavar='G')
parser.add_argument('--tau', type=float, default=0.99, metavar='G')
parser.add_argument('--l2-reg', type=float, default=1e-3, metavar='G',
                    help='l2 regularization regression (default: 1e-3)')
parser.add_argument('--learning-rate', type=float, default=1e-3, metavar='G')
parser.add_argument('--clip-epsilon', type=float, default=0.1, metavar='N')
parser.add_argument('--seed', type=int, default=519, metavar='N')
parser.add_argument('--min-batch-size', type=int, default=64, metavar='N')
parser.add_argument('--max-iter-num', type=int, default=8000, metavar='N')
parser.add_argument('--pretrain-disc-iter', type=int, default=5, metavar='N')
args = parser.parse_args()

use_gpu = torch.cuda.is_available()
np.random.seed(args.seed)
torch.manual_seed(args.seed)

policy_net = Policy(10, 256, 10, num_layers=2)
value_net = Value(10, 256, num_layers=3)
discrim_net = Discriminator(10, 256, 10, num_layers=3)
discrim_criterion = nn.BCELoss()
if use_gpu:
    policy_net, value_net, discrim_net = policy_net.cuda(), value_net.cuda(), discrim_net.cuda()
    discrim_criterion = discrim_criterion.cuda()

optimizer_policy = torch.optim.Adam(policy_net.parameters(), lr=args.learning_rate)
optimizer_value = torch.optim.Adam(value_net.parameters(), lr=args.learning_rate)
optimizer_discrim = torch.optim.Adam(discrim_net.parameters(), lr=args.learning_rate)

train_states, train_actions, val_states, val_actions = load_expert_data(40000)

for i in range(args.pretrain_disc_iter):
    exp_states, exp_actions, model_states, model_actions, _ = \
        collect_samples(policy_net, discrim_net, train_states, train_actions, args.min_batch_size, i)
    if pre_train_discrim(discrim_net, discrim_criterion, optimizer_discrim, args.min_batch_size, i,
                         exp_states, exp_actions, model_states, model_actions) < 0.25:
        break

optimizer_policy = torch.optim.Adam(policy_net.parameters(), lr=args.learning_rate * 0.5)
optimizer_discrim = torch.optim.Adam(discrim_net.parameters(), lr=args.learning_rate * 0.05)

mod_p = []
update_discrim = False
for i_iter in range(args.max_iter_num):
    exp_states, exp_actions, model_states, model_actions, model_rewards = \
        collect_samples(policy_net, discrim_net, train_states, train_actions, args.min_batch_size, i_iter)
    model_advantages, model_returns, fixed_log_probs = \
        process_data(value_net, policy_net, model_states, model_actions, model_rewards, args.gamma, args.tau)
    if i_iter > 5 and len(mod_p) > 0:
        update_discrim = mod_p[-1] > 0.05
    mod_p_epoch, exp_p_epoch, value_loss_epoch = update_dis_and_critic(
        discrim_net, optimizer_discrim, discrim_criterion, value_net, optimizer_value, exp_states, exp_actions,
        model_states, model_actions, model_returns, args.l2_reg, i_iter, dis_times=3.0, critic_times=10.0,
        use_gpu=use_gpu, update_discrim=update_discrim)
    mod_p.append(mod_p_epoch)
    if i_iter > 5 and mod_p[-1] < 0.8:
        for _ in range(3):
            update_policy_ppo(policy_net, optimizer_policy, model_states, model_actions, model_advantages,
                              fixed_log_probs, i_iter, args.clip_epsilon, use_gpu)
    if i_iter % 50 == 0:
        pickle.dump((policy_net, value_net, discrim_net), open('learned_models/gail.p', 'wb'))
