# Idiom seen in: repository not resolved by the code index (index file id 61926533051: a
#   SequenceStaticLightningModule whose configure_optimizers builds decay / no-decay groups for AdamW)
# What it reproduces: a LightningModule wrapping a model from a factory; configure_optimizers splits
#   parameters by ndim / '.bias' / norm names, gives AdamW weight_decay only on the decay group, and falls
#   back to plain Adam without decay when l2 == 0. Correct as written.
import pytorch_lightning as pl
import torch
import torch.nn.functional as F

from architectures import build_model


class SequenceStaticModule(pl.LightningModule):
    def __init__(self, model_name: str, model_config: dict, learning_rate: float = 5e-3,
                 l2: float = 1e-3, decay_rate: float = 0.5, decay_steps: int = 1000):
        super().__init__()
        self.save_hyperparameters()
        self.model = build_model(model_name, **model_config)

    def forward(self, dyn, stat):
        return self.model(dyn, stat)

    def training_step(self, batch, batch_idx):
        dyn, stat, y = batch
        loss = F.binary_cross_entropy_with_logits(self(dyn, stat), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def _param_groups(self):
        decay, no_decay = [], []
        for name, param in self.named_parameters():
            if not param.requires_grad:
                continue
            is_norm = ".bn" in name.lower() or "batchnorm" in name.lower() or ".norm" in name.lower()
            if param.ndim == 1 or name.endswith(".bias") or is_norm:
                no_decay.append(param)
            else:
                decay.append(param)
        return [
            {"params": decay, "weight_decay": float(self.hparams.l2)},
            {"params": no_decay, "weight_decay": 0.0},
        ]

    def configure_optimizers(self):
        if float(self.hparams.l2) > 0.0:
            optimizer = torch.optim.AdamW(self._param_groups(), lr=self.hparams.learning_rate,
                                          weight_decay=0.0)
        else:
            optimizer = torch.optim.Adam(self.parameters(), lr=self.hparams.learning_rate,
                                         weight_decay=0.0)
        steps, rate = max(int(self.hparams.decay_steps), 1), float(self.hparams.decay_rate)
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: rate ** (s / steps))
        return {"optimizer": optimizer, "lr_scheduler": {"scheduler": scheduler, "interval": "step"}}


if __name__ == "__main__":
    from datamodule import SequenceStaticDataModule

    module = SequenceStaticModule("gru_static", {"hidden_size": 64}, l2=1e-3)
    pl.Trainer(max_epochs=30, gradient_clip_val=5.0).fit(module, datamodule=SequenceStaticDataModule())
