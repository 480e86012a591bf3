# Idiom seen in: taishan1994/pytorch_lightning_text_classification model/model_interface.py
# What it reproduces: the same Lightning template, but configure_optimizers uses AdamW with a decay
# group (matrices) and a no-decay group (biases, LayerNorm, 1-d tensors). Clean.
import torch
import torch.nn as nn
import pytorch_lightning as pl
from torch.nn import functional as F


class TextCNN(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_classes):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.convs = nn.ModuleList([nn.Conv1d(embed_dim, 128, k) for k in (2, 3, 4)])
        self.norm = nn.LayerNorm(384)
        self.fc = nn.Linear(384, num_classes)

    def forward(self, x):
        e = self.embedding(x).transpose(1, 2)
        h = torch.cat([F.relu(c(e)).max(dim=-1)[0] for c in self.convs], dim=-1)
        return self.fc(self.norm(h))


class ModelInterface(pl.LightningModule):
    def __init__(self, lr=1e-3, weight_decay=0.05, vocab_size=5000, num_classes=10):
        super().__init__()
        self.save_hyperparameters()
        self.model = TextCNN(vocab_size, 128, num_classes)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self.model(x), y)
        self.log('loss', loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        decay, no_decay = [], []
        for name, p in self.named_parameters():
            if p.ndim < 2 or 'norm' in name or name.endswith('bias'):
                no_decay.append(p)
            else:
                decay.append(p)
        optimizer = torch.optim.AdamW(
            [{'params': decay, 'weight_decay': self.hparams.weight_decay},
             {'params': no_decay, 'weight_decay': 0.0}],
            lr=self.hparams.lr)
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=20)
        return [optimizer], [scheduler]
