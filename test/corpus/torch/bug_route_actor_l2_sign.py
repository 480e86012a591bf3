# Idiom seen in: ACFHarbinger/WSmartPlus-Route logic/docs/source/references/src/src.configs.optim.md
# What it reproduces: the same actor-critic routing trainer where the user adds an explicit L2 on the actor while
#   writing the REINFORCE loss inline as a negated objective: the penalty ends up subtracted from the loss that is
#   minimized, so it grows the actor weights (user mistake in the repository's config idiom).
from dataclasses import dataclass

import torch
import torch.nn as nn

from src.envs import VRPEnv
from src.models.attention_model import AttentionModel


@dataclass
class OptimConfig:
    optimizer: str = 'adam'
    lr: float = 1e-4
    lr_critic: float = 1e-4
    weight_decay: float = 0.0
    l2_coef: float = 1e-5
    lr_decay: float = 0.995
    max_grad_norm: float = 1.0


class CriticNetwork(nn.Module):
    def __init__(self, embed_dim=128, hidden_dim=512):
        super().__init__()
        self.value_head = nn.Sequential(nn.Linear(embed_dim, hidden_dim), nn.ReLU(), nn.Linear(hidden_dim, 1))

    def forward(self, graph_embed):
        return self.value_head(graph_embed).squeeze(-1)


def main():
    cfg = OptimConfig()
    env = VRPEnv(num_loc=50)
    actor = AttentionModel(embed_dim=128, n_encode_layers=3)
    critic = CriticNetwork()
    actor_opt = torch.optim.Adam(actor.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    critic_opt = torch.optim.Adam(critic.parameters(), lr=cfg.lr_critic)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(actor_opt, gamma=cfg.lr_decay)

    for epoch in range(100):
        for _ in range(2500):
            td = env.reset(batch_size=512)
            out = actor(td, env, decode_type='sampling')
            baseline = critic(out['graph_embed'].detach())
            advantage = (out['reward'] - baseline).detach()
            l2_norm = sum(p.pow(2).sum() for p in actor.parameters())
            actor_loss = -(advantage * out['log_likelihood']).mean() - cfg.l2_coef * l2_norm  # expect: WD302
            actor_opt.zero_grad()
            actor_loss.backward()
            torch.nn.utils.clip_grad_norm_(actor.parameters(), cfg.max_grad_norm)
            actor_opt.step()

            critic_loss = (out['reward'] - critic(out['graph_embed'].detach())).pow(2).mean()
            critic_opt.zero_grad()
            critic_loss.backward()
            critic_opt.step()
        scheduler.step()


if __name__ == '__main__':
    main()
