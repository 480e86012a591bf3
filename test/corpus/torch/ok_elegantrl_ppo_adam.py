# Idiom seen in: AI4Finance-Foundation/ElegantRL docs/source/algorithms/dqn.rst
# What it reproduces: ElegantRL-style PPO agent with separate Adam optimizers for actor and critic (no
# weight_decay), clipped surrogate plus entropy bonus. No weight decay anywhere. Clean.
import torch
import torch.nn as nn


class ActorPPO(nn.Module):
    def __init__(self, mid_dim, state_dim, action_dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(state_dim, mid_dim), nn.ReLU(),
                                 nn.Linear(mid_dim, action_dim))
        self.a_std_log = nn.Parameter(torch.zeros((1, action_dim)) - 0.5)

    def get_logprob_entropy(self, state, action):
        a_avg = self.net(state)
        dist = torch.distributions.Normal(a_avg, self.a_std_log.exp())
        return dist.log_prob(action).sum(1), dist.entropy().sum(1)


class CriticPPO(nn.Module):
    def __init__(self, mid_dim, state_dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(state_dim, mid_dim), nn.ReLU(), nn.Linear(mid_dim, 1))

    def forward(self, state):
        return self.net(state)


class AgentPPO:
    def __init__(self, net_dim, state_dim, action_dim, learning_rate=2 ** -14,
                 ratio_clip=0.25, lambda_entropy=0.02):
        self.act = ActorPPO(net_dim, state_dim, action_dim)
        self.cri = CriticPPO(net_dim, state_dim)
        self.act_optim = torch.optim.Adam(self.act.parameters(), learning_rate)
        self.cri_optim = torch.optim.Adam(self.cri.parameters(), learning_rate)
        self.ratio_clip = ratio_clip
        self.lambda_entropy = lambda_entropy
        self.criterion = nn.SmoothL1Loss()

    def update_net(self, states, actions, logprobs, r_sums, advantages):
        new_logprob, entropy = self.act.get_logprob_entropy(states, actions)
        ratio = (new_logprob - logprobs.detach()).exp()
        surrogate = -torch.min(advantages * ratio,
                               advantages * ratio.clamp(1 - self.ratio_clip, 1 + self.ratio_clip)).mean()
        obj_actor = surrogate - entropy.mean() * self.lambda_entropy
        self.act_optim.zero_grad()
        obj_actor.backward()
        self.act_optim.step()

        obj_critic = self.criterion(self.cri(states).squeeze(1), r_sums)
        self.cri_optim.zero_grad()
        obj_critic.backward()
        self.cri_optim.step()
