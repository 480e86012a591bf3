# Idiom seen in: ACFHarbinger/WSmartPlus-Route logic/docs/source/references/src/src.configs.optim.md
# What it reproduces: a routing actor-critic (REINFORCE with a critic baseline) configured by an OptimConfig
#   dataclass (optimizer 'adam', weight_decay 0.0, separate critic lr, lr_decay); Adam gets weight_decay=0.0: clean.
from dataclasses import dataclass, field
from typing import Any, Dict, Optional

import torch
import torch.nn as nn

from src.envs import VRPEnv
from src.models.attention_model import AttentionModel


@dataclass
class OptimConfig:
    optimizer: str = 'adam'
    lr: float = 1e-4
    weight_decay: float = 0.0
    lr_scheduler: Optional[str] = 'lambda'
    lr_scheduler_kwargs: Dict[str, Any] = field(default_factory=dict)
    lr_critic: float = 1e-4
    lr_decay: float = 1.0
    max_grad_norm: float = 1.0


class CriticNetwork(nn.Module):
    def __init__(self, embed_dim=128, hidden_dim=512):
        super().__init__()
        self.value_head = nn.Sequential(nn.Linear(embed_dim, hidden_dim), nn.ReLU(), nn.Linear(hidden_dim, 1))

    def forward(self, graph_embed):
        return self.value_head(graph_embed).squeeze(-1)


def setup_optimizer(actor, critic, cfg: OptimConfig):
    param_groups = [{'params': actor.parameters(), 'lr': cfg.lr},
                    {'params': critic.parameters(), 'lr': cfg.lr_critic}]
    optimizer = torch.optim.Adam(param_groups, weight_decay=cfg.weight_decay)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: cfg.lr_decay ** epoch)
    return optimizer, scheduler


def train_epoch(actor, critic, env, optimizer, cfg, n_batches=2500, batch_size=512):
    actor.train()
    for _ in range(n_batches):
        td = env.reset(batch_size=batch_size)
        out = actor(td, env, decode_type='sampling')
        baseline = critic(out['graph_embed'].detach())
        advantage = out['reward'] - baseline
        actor_loss = -(advantage.detach() * out['log_likelihood']).mean()
        critic_loss = advantage.pow(2).mean()
        loss = actor_loss + critic_loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(list(actor.parameters()) + list(critic.parameters()), cfg.max_grad_norm)
        optimizer.step()


def main():
    cfg = OptimConfig()
    env = VRPEnv(num_loc=50)
    actor = AttentionModel(embed_dim=128, n_encode_layers=3)
    critic = CriticNetwork(embed_dim=128)
    optimizer, scheduler = setup_optimizer(actor, critic, cfg)
    for epoch in range(100):
        train_epoch(actor, critic, env, optimizer, cfg)
        scheduler.step()


if __name__ == '__main__':
    main()
