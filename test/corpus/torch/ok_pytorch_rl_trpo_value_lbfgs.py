# Idiom seen in: Khrylx/PyTorch-RL core/trpo.py
# Idiom seen in: Khrylx/PyTorch-RL examples/trpo_gym.py
# What it reproduces: TRPO's critic fit by scipy L-BFGS on a closure whose loss carries the hand-written L2
#   term on the value net before backward(); no torch optimizer decays anything. Clean.
import argparse
import math

import numpy as np
import scipy.optimize
import torch

from models.mlp_policy import Policy
from models.mlp_critic import Value
from core.common import estimate_advantages
from core.agent import Agent
from utils import get_flat_params_from, set_flat_params_to, get_flat_grad_from, tensor


def conjugate_gradients(Avp_f, b, nsteps, rdotr_tol=1e-10):
    x = torch.zeros(b.size(), device=b.device)
    r = b.clone()
    p = b.clone()
    rdotr = torch.dot(r, r)
    for i in range(nsteps):
        Avp = Avp_f(p)
        alpha = rdotr / torch.dot(p, Avp)
        x += alpha * p
        r -= alpha * Avp
        new_rdotr = torch.dot(r, r)
        p = r + (new_rdotr / rdotr) * p
        rdotr = new_rdotr
        if rdotr < rdotr_tol:
            break
    return x


def trpo_step(policy_net, value_net, states, actions, returns, advantages, max_kl, damping, l2_reg):

    """update critic"""

    def get_value_loss(flat_params):
        set_flat_params_to(value_net, tensor(flat_params))
        for param in value_net.parameters():
            if param.grad is not None:
                param.grad.data.fill_(0)
        values_pred = value_net(states)
        value_loss = (values_pred - returns).pow(2).mean()

        # weight decay
        for param in value_net.parameters():
            value_loss += param.pow(2).sum() * l2_reg
        value_loss.backward()
        return value_loss.item(), get_flat_grad_from(value_net.parameters()).cpu().numpy()

    flat_params, _, opt_info = scipy.optimize.fmin_l_bfgs_b(get_value_loss,
                                                            get_flat_params_from(value_net).detach().cpu().numpy(),
                                                            maxiter=25)
    set_flat_params_to(value_net, tensor(flat_params))

    """update policy"""
    with torch.no_grad():
        fixed_log_probs = policy_net.get_log_prob(states, actions)

    def get_loss(volatile=False):
        with torch.set_grad_enabled(not volatile):
            log_probs = policy_net.get_log_prob(states, actions)
            action_loss = -advantages * torch.exp(log_probs - fixed_log_probs)
            return action_loss.mean()

    def Fvp_direct(v):
        kl = policy_net.get_kl(states).mean()
        grads = torch.autograd.grad(kl, policy_net.parameters(), create_graph=True)
        flat_grad_kl = torch.cat([grad.view(-1) for grad in grads])
        kl_v = (flat_grad_kl * v).sum()
        grads = torch.autograd.grad(kl_v, policy_net.parameters())
        return torch.cat([grad.contiguous().view(-1) for grad in grads]).detach() + v * damping

    loss = get_loss()
    grads = torch.autograd.grad(loss, policy_net.parameters())
    loss_grad = torch.cat([grad.view(-1) for grad in grads]).detach()
    stepdir = conjugate_gradients(Fvp_direct, -loss_grad, 10)
    shs = 0.5 * (stepdir.dot(Fvp_direct(stepdir)))
    lm = math.sqrt(max_kl / shs)
    set_flat_params_to(policy_net, get_flat_params_from(policy_net) + stepdir * lm)


parser = argparse.ArgumentParser(description='PyTorch TRPO example')
parser.add_argument('--env-name', default="Hopper-v2", metavar='G')
parser.add_argument('--gamma', type=float, default=0.99, metavar='G')
parser.add_argument('--tau', type=float, default=0.95, metavar='G')
parser.add_argument('--l2-reg', type=float, default=1e-3, metavar='G', help='l2 regularization regression (default: 1e-3)')
parser.add_argument('--max-kl', type=float, default=1e-2, metavar='G')
parser.add_argument('--damping', type=float, default=1e-2, metavar='G')
parser.add_argument('--min-batch-size', type=int, default=2048, metavar='N')
parser.add_argument('--max-iter-num', type=int, default=500, metavar='N')
args = parser.parse_args()

dtype = torch.float64
torch.set_default_dtype(dtype)
device = torch.device('cpu')
policy_net = Policy(11, 3)
value_net = Value(11)
agent = Agent(args.env_name, policy_net, device)

for i_iter in range(args.max_iter_num):
    batch, log = agent.collect_samples(args.min_batch_size)
    states = torch.from_numpy(np.stack(batch.state)).to(dtype)
    actions = torch.from_numpy(np.stack(batch.action)).to(dtype)
    rewards = torch.from_numpy(np.stack(batch.reward)).to(dtype)
    masks = torch.from_numpy(np.stack(batch.mask)).to(dtype)
    with torch.no_grad():
        values = value_net(states)
    advantages, returns = estimate_advantages(rewards, masks, values, args.gamma, args.tau, device)
    trpo_step(policy_net, value_net, states, actions, returns, advantages, args.max_kl, args.damping, args.l2_reg)
    print('{}\tR_avg {:.2f}'.format(i_iter, log['avg_reward']))
