# Idiom seen in: Sulam-Group/pragmatixs train_utils/optim.py
# What it reproduces: initialize_optimizer(model, lr, weight_decay) excluding every p.ndim < 2 tensor plus
# bn/ln/bias/logit_scale by name from AdamW's decay; the CLIP-style model trains on the cross entropy. Clean.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F

from datasets import get_loader


def initialize_optimizer(model: nn.Module, lr: float, weight_decay: float):
    exclude = (
        lambda n, p: p.ndim < 2
        or "bn" in n
        or "ln" in n
        or "bias" in n
        or "logit_scale" in n
    )
    include = lambda n, p: not exclude(n, p)

    named_parameters = list(model.named_parameters())
    gain_or_bias_params = [p for n, p in named_parameters if exclude(n, p) and p.requires_grad]
    rest_params = [p for n, p in named_parameters if include(n, p) and p.requires_grad]
    return torch.optim.AdamW(
        [
            {"params": gain_or_bias_params, "weight_decay": 0.0},
            {"params": rest_params, "weight_decay": weight_decay},
        ],
        lr=lr,
    )


class Speaker(nn.Module):
    def __init__(self, in_dim=768, dim=512, n_concepts=312):
        super().__init__()
        self.proj = nn.Linear(in_dim, dim)
        self.ln = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, n_concepts)
        self.logit_scale = nn.Parameter(torch.ones([]) * 2.6592)

    def forward(self, feats):
        return self.head(self.ln(F.gelu(self.proj(feats)))) * self.logit_scale.exp()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--wd", type=float, default=0.1)
    args = parser.parse_args()
    model = Speaker()
    optimizer = initialize_optimizer(model, args.lr, args.wd)
    for feats, labels in get_loader("cub", split="train"):
        optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(feats), labels)
        loss.backward()
        optimizer.step()
