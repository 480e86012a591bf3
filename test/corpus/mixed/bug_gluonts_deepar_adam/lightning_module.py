# Idiom seen in: awslabs/gluonts src/gluonts/torch/model/deepar/lightning_module.py
# Idiom seen in: awslabs/gluonts src/gluonts/torch/model/deepar/estimator.py
# What it reproduces: the DeepAR LightningModule returns torch.optim.Adam(self.model.parameters(), lr, weight_decay)
#   from configure_optimizers: coupled L2 under Adam, on every LSTM/embedding/projection bias too (real repo).
import pytorch_lightning as pl
import torch

from module import DeepARModel


class DeepARLightningModule(pl.LightningModule):
    def __init__(self, model: DeepARModel, lr: float = 1e-3, weight_decay: float = 1e-8) -> None:
        super().__init__()
        self.save_hyperparameters(ignore=["model"])
        self.model = model
        self.lr = lr
        self.weight_decay = weight_decay

    def _compute_loss(self, batch):
        params, scale = self.model.unroll(batch["feat_static_cat"], batch["past_target"], batch["past_time_feat"])
        distr = self.model.output_distribution(params[:, :-1], scale)
        target = batch["past_target"][:, 1:]
        loss_values = -distr.log_prob(target)
        weights = batch["past_observed_values"][:, 1:]
        return (loss_values * weights).sum() / weights.sum().clamp(min=1.0)

    def training_step(self, batch, batch_idx: int):
        train_loss = self._compute_loss(batch)
        self.log("train_loss", train_loss, on_epoch=True, on_step=False, prog_bar=True)
        return train_loss

    def validation_step(self, batch, batch_idx: int):
        val_loss = self._compute_loss(batch)
        self.log("val_loss", val_loss, on_epoch=True, on_step=False, prog_bar=True)
        return val_loss

    def configure_optimizers(self):
        """Returns the optimizer to use."""
        return torch.optim.Adam(
            self.model.parameters(),  # expect: WD203
            lr=self.lr,
            weight_decay=self.weight_decay,  # expect: WD202
        )
