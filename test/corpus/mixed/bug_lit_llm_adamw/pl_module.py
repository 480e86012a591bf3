# Idiom seen in: AndrewMead10/LLM-Trainer hyperion/models/pl_module.py
# What it reproduces: the repository's PLModule wrapping a handed-in model and returning
# torch.optim.AdamW(self.parameters(), lr=...) without weight_decay=: AdamW's default 0.01 decays every
# LayerNorm weight, bias and embedding of the GPT.
import pytorch_lightning as pl
import torch


class PLModule(pl.LightningModule):
    def __init__(self, cfg, model):
        super().__init__()
        self.cfg = cfg
        self.model = model
        self.loss = torch.nn.CrossEntropyLoss()

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = self.loss(logits.view(-1, logits.size(-1)), y.view(-1))
        self.log('train_loss', loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = self.loss(logits.view(-1, logits.size(-1)), y.view(-1))
        self.log('val_loss', loss)
        return loss

    def configure_optimizers(self):
        # optimizer = torch.optim.Adam(self.parameters(), lr=self.cfg.lr)
        return torch.optim.AdamW(self.parameters(), lr=self.cfg.lr)  # expect: WD203
