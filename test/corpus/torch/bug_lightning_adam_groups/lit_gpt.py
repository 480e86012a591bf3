# Idiom seen in: automl/FOB pytorch_fob/optimizers/adamw_baseline/optimizer.py
# What it reproduces: a LightningModule whose configure_optimizers delegates to a helper module with the
#   module itself and its saved hyper-parameters.
# label-note: the finding (WD202) is labelled in optim_setup.py.
import pytorch_lightning as pl
import torch.nn as nn
import torch.nn.functional as F

from optim_setup import build_optimizer


class Block(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc1, self.fc2 = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)
        self.heads = heads

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.heads, -1).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.proj(y.transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x))))


class LitGPT(pl.LightningModule):
    def __init__(self, vocab_size=256, d_model=384, n_layers=6, n_heads=6, block_size=256,
                 learning_rate=3e-4, weight_decay=0.1, max_steps=20000):
        super().__init__()
        self.save_hyperparameters()
        self.tok = nn.Embedding(vocab_size, d_model)
        self.pos = nn.Embedding(block_size, d_model)
        self.blocks = nn.Sequential(*[Block(d_model, n_heads) for _ in range(n_layers)])
        self.ln_f = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab_size, bias=False)

    def forward(self, idx):
        x = self.tok(idx) + self.pos.weight[: idx.size(1)]
        return self.head(self.ln_f(self.blocks(x)))

    def training_step(self, batch, batch_idx):
        idx, targets = batch
        logits = self(idx)
        loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten())
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return build_optimizer(self, self.hparams)
