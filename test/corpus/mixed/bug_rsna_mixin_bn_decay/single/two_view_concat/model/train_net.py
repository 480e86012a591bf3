# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/model/optimizers.py
# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/lit_module.py
# What it reproduces: Lightning module built from mixins; AdamW groups split by the BERT names (bias, LayerNorm.*),
# but the backbone is a timm EfficientNet whose BatchNorm weights are named bn1/bn2, so they land in the decayed group (WD203, as in the repo).
import pytorch_lightning as pl


class TrainNetMixin(pl.LightningModule):
    def training_step(self, batch, batch_idx):
        inputs, labels = batch
        outputs = self.forward(inputs)
        loss = self.loss(outputs, labels)
        self.log("train_loss", loss, on_step=True, on_epoch=True, prog_bar=True, logger=True)
        return loss

    def validation_step(self, batch, batch_idx):
        inputs, labels = batch
        outputs = self.forward(inputs)
        loss = self.loss(outputs, labels)
        self.log("val_loss", loss, on_step=False, on_epoch=True, prog_bar=True, logger=True)
        return loss
