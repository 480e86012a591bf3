# Idiom seen in: VectorInstitute/mmlearn mmlearn/tasks/contrastive_pretraining.py
# What it reproduces: the concrete task subclass (two encoders + projection heads, CLIP loss) that inherits
#   the base class's ndim-based no-decay grouping. Clean.
import torch
import torch.nn.functional as F
from torch import nn

from base import TrainingTask


class ContrastivePretraining(TrainingTask):
    def __init__(self, text_encoder: nn.Module, image_encoder: nn.Module, embed_dim: int = 512, **kwargs):
        super().__init__(**kwargs)
        self.text_encoder = text_encoder
        self.image_encoder = image_encoder
        self.text_proj = nn.Sequential(nn.LayerNorm(768), nn.Linear(768, embed_dim))
        self.image_proj = nn.Sequential(nn.LayerNorm(768), nn.Linear(768, embed_dim))
        self.log_logit_scale = nn.Parameter(torch.tensor(2.6592))

    def training_step(self, batch, batch_idx):
        t = F.normalize(self.text_proj(self.text_encoder(batch["text"])), dim=-1)
        v = F.normalize(self.image_proj(self.image_encoder(batch["rgb"])), dim=-1)
        logits = self.log_logit_scale.exp() * t @ v.t()
        targets = torch.arange(logits.size(0), device=logits.device)
        loss = 0.5 * (F.cross_entropy(logits, targets) + F.cross_entropy(logits.t(), targets))
        self.log("train/loss", loss, prog_bar=True)
        return loss
