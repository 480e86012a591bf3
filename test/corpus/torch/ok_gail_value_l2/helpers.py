# Idiom seen in: felixykliu/magail gail/helpers.py
# What it reproduces: update_dis_and_critic() trains the discriminator with BCE and the value network
#   with MSE plus `param.pow(2).sum() * l2_reg` over value_net.parameters(); the value optimizer is a
#   plain Adam, so the explicit L2 is the only decay and it reaches value_loss.backward(). Clean.
import torch
from torch.autograd import Variable

from utils import ones, zeros


def update_dis_and_critic(discrim_net, optimizer_discrim, discrim_criterion, value_net, optimizer_value,
                          exp_states, exp_actions, states, actions, returns, l2_reg, i_iter,
                          dis_times, critic_times, use_gpu, update_discrim=True):
    if use_gpu:
        states, actions, returns = states.cuda(), actions.cuda(), returns.cuda()
        exp_states, exp_actions = exp_states.cuda(), exp_actions.cuda()

    """update discriminator"""
    g_o_ave, e_o_ave = 0.0, 0.0
    for _ in range(int(dis_times)):
        g_o, _ = discrim_net(Variable(states), Variable(actions))
        e_o, _ = discrim_net(Variable(exp_states), Variable(exp_actions))
        g_o_ave += g_o.cpu().data.mean()
        e_o_ave += e_o.cpu().data.mean()
        if update_discrim:
            optimizer_discrim.zero_grad()
            discrim_loss = discrim_criterion(g_o, Variable(zeros((states.shape[0], states.shape[1], 1)))) + \
                discrim_criterion(e_o, Variable(ones((exp_states.shape[0], exp_states.shape[1], 1))))
            discrim_loss.backward()
            optimizer_discrim.step()

    '''update value function'''
    values_target = Variable(returns)
    for i in range(int(critic_times)):
        values_pred, _ = value_net(Variable(states), test=False)
        value_loss = (values_pred - values_target).pow(2).mean()
        if i == 0:
            print("Value function loss: {:.4f}".format(value_loss.item()))
        for param in value_net.parameters():
            value_loss += param.pow(2).sum() * l2_reg
        optimizer_value.zero_grad()
        value_loss.backward()
        optimizer_value.step()
    return g_o_ave / dis_times, e_o_ave / dis_times, value_loss.item()


def update_policy_ppo(policy_net, optimizer_policy, states, actions, advantages, fixed_log_probs,
                      i_iter, clip_epsilon, use_gpu):
    if use_gpu:
        states, actions = states.cuda(), actions.cuda()
        advantages, fixed_log_probs = advantages.cuda(), fixed_log_probs.cuda()
    log_probs = policy_net.get_log_prob(Variable(states), Variable(actions))
    ratio = torch.exp(log_probs - Variable(fixed_log_probs))
    surr1 = ratio * Variable(advantages)
    surr2 = torch.clamp(ratio, 1.0 - clip_epsilon, 1.0 + clip_epsilon) * Variable(advantages)
    policy_surr = -torch.min(surr1, surr2).mean()
    optimizer_policy.zero_grad()
    policy_surr.backward()
    torch.nn.utils.clip_grad_norm_(policy_net.parameters(), 40)
    optimizer_policy.step()
