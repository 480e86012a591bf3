# Idiom seen in: real-stanford/diffusion_policy diffusion_policy/model/diffusion/transformer_for_diffusion.py
# Idiom seen in: real-stanford/diffusion_policy diffusion_policy/policy/diffusion_transformer_hybrid_image_policy.py
# What it reproduces: the denoising transformer's minGPT-style get_optim_groups(): Linear/attention weights
#   decayed, biases, LayerNorm/Embedding weights and position embeddings not (this part is correct).
from typing import Tuple
import math

import torch
import torch.nn as nn


class SinusoidalPosEmb(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        half_dim = self.dim // 2
        emb = math.log(10000) / (half_dim - 1)
        emb = torch.exp(torch.arange(half_dim, device=x.device) * -emb)
        emb = x[:, None] * emb[None, :]
        return torch.cat((emb.sin(), emb.cos()), dim=-1)


class TransformerForDiffusion(nn.Module):
    def __init__(self, input_dim, output_dim, horizon, cond_dim, n_layer=8, n_head=4, n_emb=256, p_drop=0.1):
        super().__init__()
        self.input_emb = nn.Linear(input_dim, n_emb)
        self.pos_emb = nn.Parameter(torch.zeros(1, horizon, n_emb))
        self.cond_obs_emb = nn.Linear(cond_dim, n_emb)
        self.cond_pos_emb = nn.Parameter(torch.zeros(1, 2, n_emb))
        self.time_emb = SinusoidalPosEmb(n_emb)
        self.drop = nn.Dropout(p_drop)
        decoder_layer = nn.TransformerDecoderLayer(d_model=n_emb, nhead=n_head, dim_feedforward=4 * n_emb,
                                                   dropout=p_drop, activation='gelu', batch_first=True,
                                                   norm_first=True)
        self.decoder = nn.TransformerDecoder(decoder_layer=decoder_layer, num_layers=n_layer)
        self.ln_f = nn.LayerNorm(n_emb)
        self.head = nn.Linear(n_emb, output_dim)

    def get_optim_groups(self, weight_decay: float = 1e-3):
        decay = set()
        no_decay = set()
        whitelist_weight_modules = (torch.nn.Linear, torch.nn.MultiheadAttention)
        blacklist_weight_modules = (torch.nn.LayerNorm, torch.nn.Embedding)
        for mn, m in self.named_modules():
            for pn, p in m.named_parameters():
                fpn = "%s.%s" % (mn, pn) if mn else pn
                if pn.endswith("bias"):
                    no_decay.add(fpn)
                elif pn.startswith("bias"):
                    no_decay.add(fpn)
                elif pn.endswith("weight") and isinstance(m, whitelist_weight_modules):
                    decay.add(fpn)
                elif pn.endswith("weight") and isinstance(m, blacklist_weight_modules):
                    no_decay.add(fpn)
        no_decay.add("pos_emb")
        no_decay.add("cond_pos_emb")

        param_dict = {pn: p for pn, p in self.named_parameters()}
        inter_params = decay & no_decay
        union_params = decay | no_decay
        assert len(inter_params) == 0
        assert len(param_dict.keys() - union_params) == 0
        optim_groups = [
            {"params": [param_dict[pn] for pn in sorted(list(decay))], "weight_decay": weight_decay},
            {"params": [param_dict[pn] for pn in sorted(list(no_decay))], "weight_decay": 0.0},
        ]
        return optim_groups

    def forward(self, sample, timestep, cond):
        t = self.time_emb(timestep.float()).unsqueeze(1)
        cond_emb = torch.cat([t, self.cond_obs_emb(cond).unsqueeze(1)], dim=1) + self.cond_pos_emb
        x = self.drop(self.input_emb(sample) + self.pos_emb[:, :sample.shape[1], :])
        x = self.decoder(tgt=x, memory=cond_emb)
        return self.head(self.ln_f(x))
