# Idiom seen in: trackmania-rl/tmrl tmrl/custom/custom_algorithms.py (SpinupSacAgent: optimizer class picked from a string, weight_decay put into an optimizer-kwargs dict when l2_critic is set)
# What it reproduces: a dataclass SAC agent; the critics get coupled Adam L2 through q_optimizer_kwargs["weight_decay"] on all q1/q2 parameters (biases included), while the actor's L2 was moved out of the optimizer into an explicit penalty that is only reported in the returned stats and never added to loss_pi. Bug (WD104), plus WD202 and WD203.
import itertools
import math
from copy import deepcopy
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Normal
from torch.optim import SGD, Adam, AdamW


def mlp(sizes, activation=nn.ReLU, output_activation=nn.Identity):
    layers = []
    for j in range(len(sizes) - 1):
        act = activation if j < len(sizes) - 2 else output_activation
        layers += [nn.Linear(sizes[j], sizes[j + 1]), act()]
    return nn.Sequential(*layers)


class QFunction(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden=(256, 256)):
        super().__init__()
        self.q = mlp([obs_dim + act_dim, *hidden, 1])

    def forward(self, obs, act):
        return self.q(torch.cat([obs, act], dim=-1)).squeeze(-1)


class SquashedGaussianActor(nn.Module):
    def __init__(self, obs_dim, act_dim, act_limit, hidden=(256, 256)):
        super().__init__()
        self.net = mlp([obs_dim, *hidden, 2 * act_dim])
        self.act_limit = act_limit

    def forward(self, obs):
        mu, log_std = self.net(obs).chunk(2, dim=-1)
        dist = Normal(mu, torch.clamp(log_std, -20, 2).exp())
        u = dist.rsample()
        logp = dist.log_prob(u).sum(-1) - (2 * (math.log(2) - u - F.softplus(-2 * u))).sum(-1)
        return self.act_limit * torch.tanh(u), logp


class MLPActorCritic(nn.Module):
    def __init__(self, observation_space, action_space):
        super().__init__()
        obs_dim, act_dim = observation_space.shape[0], action_space.shape[0]
        self.actor = SquashedGaussianActor(obs_dim, act_dim, float(action_space.high[0]))
        self.q1, self.q2 = QFunction(obs_dim, act_dim), QFunction(obs_dim, act_dim)


@dataclass(eq=0)
class SacAgent:
    observation_space: type
    action_space: type
    device: str = None
    gamma: float = 0.99
    polyak: float = 0.995
    alpha: float = 0.2
    lr_actor: float = 1e-3
    lr_critic: float = 1e-3
    optimizer_critic: str = "adam"
    l2_actor: float = None
    l2_critic: float = None

    def __post_init__(self):
        self.device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.model = MLPActorCritic(self.observation_space, self.action_space).to(self.device)
        self.model_target = deepcopy(self.model)
        for p in self.model_target.parameters():
            p.requires_grad = False
        self.pi_optimizer = Adam(self.model.actor.parameters(), lr=self.lr_actor)

        if self.optimizer_critic == "adam":
            q_optimizer_cls = Adam
        elif self.optimizer_critic == "adamw":
            q_optimizer_cls = AdamW
        else:
            q_optimizer_cls = SGD
        q_optimizer_kwargs = {"lr": self.lr_critic}
        if self.l2_critic is not None:
            q_optimizer_kwargs["weight_decay"] = self.l2_critic  # expect: WD202
        self.q_optimizer = q_optimizer_cls(itertools.chain(self.model.q1.parameters(), self.model.q2.parameters()), **q_optimizer_kwargs)  # expect: WD203

    def train(self, batch):
        o, a, r, o2, d = batch
        q1, q2 = self.model.q1(o, a), self.model.q2(o, a)
        with torch.no_grad():
            a2, logp_a2 = self.model.actor(o2)
            q_pi_targ = torch.min(self.model_target.q1(o2, a2), self.model_target.q2(o2, a2))
            backup = r + self.gamma * (1 - d) * (q_pi_targ - self.alpha * logp_a2)
        loss_q = (((q1 - backup) ** 2).mean() + ((q2 - backup) ** 2).mean()) / 2
        self.q_optimizer.zero_grad()
        loss_q.backward()
        self.q_optimizer.step()

        pi, logp_pi = self.model.actor(o)
        q_pi = torch.min(self.model.q1(o, pi), self.model.q2(o, pi))
        loss_pi = (self.alpha * logp_pi - q_pi).mean()
        l2_pi = 0.0
        if self.l2_actor is not None:
            # decoupled from Adam on purpose: explicit L2 on the policy weights
            l2_pi = self.l2_actor * sum(p.pow(2).sum() for p in self.model.actor.parameters())  # expect: WD104
        self.pi_optimizer.zero_grad()
        loss_pi.backward()
        self.pi_optimizer.step()

        with torch.no_grad():
            for p, p_targ in zip(self.model.parameters(), self.model_target.parameters()):
                p_targ.data.mul_(self.polyak).add_((1 - self.polyak) * p.data)

        return dict(loss_actor=loss_pi.item(), loss_critic=loss_q.item(), l2_actor=float(l2_pi))


if __name__ == "__main__":
    from replay import make_env_and_buffer
    env, buffer = make_env_and_buffer("Pendulum-v1", size=int(1e6))
    agent = SacAgent(env.observation_space, env.action_space, l2_actor=1e-4, l2_critic=1e-4)
    for t, batch in enumerate(buffer.collect(env, agent, steps=100_000, start_steps=5000, batch_size=256)):
        stats = agent.train(batch)
        if t % 5000 == 0:
            print(t, stats)
