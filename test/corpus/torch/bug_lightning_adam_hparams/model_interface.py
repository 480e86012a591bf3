# Idiom seen in: taishan1994/pytorch_lightning_text_classification model/model_interface.py
# What it reproduces: the LightningModule template's configure_optimizers: torch.optim.Adam over
# self.parameters() with weight_decay taken from the saved hparams (main.py gives 1e-5): coupled L2
# under Adam (WD202), on every parameter including LSTM/linear biases (WD203).
import torch
import torch.optim.lr_scheduler as lrs
import pytorch_lightning as pl
from torch.nn import functional as F

from simple_model import SimpleModel


class ModelInterface(pl.LightningModule):
    def __init__(self, model_name, loss, lr, **kwargs):
        super(ModelInterface, self).__init__()
        self.save_hyperparameters()
        self.model = SimpleModel(num_classes=kwargs.get('num_classes', 10))
        self.loss_function = F.cross_entropy

    def forward(self, x, length):
        return self.model(x, length)

    def training_step(self, batch, batch_idx):
        train_x, train_y, length = batch
        out, _ = self(train_x, length)
        loss = self.loss_function(out, train_y)
        self.log('loss', loss, on_step=True, on_epoch=True, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y, length = batch
        out, _ = self(x, length)
        self.log('val_loss', self.loss_function(out, y), on_epoch=True, prog_bar=True)

    def configure_optimizers(self):
        if hasattr(self.hparams, 'weight_decay'):
            weight_decay = self.hparams.weight_decay
        else:
            weight_decay = 0
        optimizer = torch.optim.Adam(
            self.parameters(),  # expect: WD203
            lr=self.hparams.lr,
            weight_decay=weight_decay)  # expect: WD202
        if self.hparams.lr_scheduler is None:
            return optimizer
        scheduler = lrs.StepLR(optimizer, step_size=self.hparams.lr_decay_steps,
                               gamma=self.hparams.lr_decay_rate)
        return [optimizer], [scheduler]
