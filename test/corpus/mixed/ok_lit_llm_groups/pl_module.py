# Idiom seen in: AndrewMead10/LLM-Trainer hyperion/models/pl_module.py
# What it reproduces: the same PLModule with the nanoGPT-style split in configure_optimizers: matrices
# (dim >= 2) decay with cfg.weight_decay, LayerNorm weights and biases get 0; AdamW is decoupled. Clean.
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

    def configure_optimizers(self):
        param_dict = {pn: p for pn, p in self.named_parameters() if p.requires_grad}
        decay_params = [p for n, p in param_dict.items() if p.dim() >= 2]
        nodecay_params = [p for n, p in param_dict.items() if p.dim() < 2]
        optim_groups = [
            {'params': decay_params, 'weight_decay': self.cfg.weight_decay},
            {'params': nodecay_params, 'weight_decay': 0.0},
        ]
        return torch.optim.AdamW(optim_groups, lr=self.cfg.lr, betas=(0.9, 0.95))
