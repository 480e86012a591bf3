# Idiom seen in: yangmma/dance-ai-research-project src/bailandopp/app/models/bailando.py
# Idiom seen in: yangmma/dance-ai-research-project src/bailandopp/app/config/config.py
# What it reproduces: the actor-critic stage builds its optimizer from config strings:
#   getattr(torch.optim, config.optimizer_type)(params, **config.optimizer_kwargs). The kwargs give Adam
#   weight_decay=0, so no decay (coupled or otherwise) reaches the GPT; the unused configure_optimizers path
#   is the minGPT split. Clean. (The repository's call is missing the comma before **kwargs; fixed here.)
import itertools

import torch
import torch.nn as nn

import config as cfg
from gpt import CrossCondGPT2MWAC
from vqvae import SepVQVAERmix
from reward import UpDownReward


class Bailando:
    def __init__(self, device=torch.device('cpu')):
        self._build_model(cfg.gpt_config, cfg.reward_config, device)
        self._build_optimizer(cfg)

    def _build_model(self, gpt_config, reward_config, device):
        self.vqvae = nn.DataParallel(SepVQVAERmix(device)).to(device)
        self.gpt = nn.DataParallel(CrossCondGPT2MWAC(gpt_config)).to(device)
        self.dance_reward = nn.DataParallel(UpDownReward(reward_config)).to(device)

    def _build_optimizer(self, config):
        try:
            optim = getattr(torch.optim, config.optimizer_type)
        except Exception:
            raise NotImplementedError(f"not implemented optim method {config.optimizer_type}")
        self.optimizer = optim(itertools.chain(self.gpt.module.parameters()), **config.optimizer_kwargs)
        self.schedular = torch.optim.lr_scheduler.MultiStepLR(self.optimizer, **config.optimizer_schedular_kwargs)

    def train_step(self, music_seq, quants_up, quants_down):
        self.gpt.train()
        logits_up, logits_down, values = self.gpt(quants_up[:, :-1], quants_down[:, :-1], music_seq)
        with torch.no_grad():
            pose = self.vqvae.module.decode((logits_up.argmax(-1), logits_down.argmax(-1)))
            rewards = self.dance_reward(pose)
        log_p = torch.log_softmax(logits_up, -1).gather(-1, quants_up[:, 1:].unsqueeze(-1)).squeeze(-1)
        log_p = log_p + torch.log_softmax(logits_down, -1).gather(-1, quants_down[:, 1:].unsqueeze(-1)).squeeze(-1)
        advantage = (rewards - values.squeeze(-1)).detach()
        actor_loss = -(log_p * advantage).mean()
        critic_loss = (rewards - values.squeeze(-1)).pow(2).mean()
        loss = actor_loss + critic_loss
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()
