# Idiom seen in: t110368027/Medical_Segmentation_Benchmark src/model.py
# What it reproduces: a realistic change to the benchmark's LightningModule (upstream uses plain Adam):
#   the user both passes weight_decay to Adam in configure_optimizers (coupled L2, WD202, on one group with
#   every BatchNorm and the output-conv bias, WD203) and adds an explicit L2 on the U-Net weights to the
#   loss shared_step returns for training, so the same weights are decayed twice (WD201).
import pytorch_lightning as pl
import torch
from monai.metrics import DiceMetric

from .model_arch.unet import UNet


def get_model(arch, in_ch, out_ch, **kwargs):
    return UNet(n_channels=in_ch, n_classes=out_ch, bilinear=True)


class Model(pl.LightningModule):
    def __init__(self, arch, in_channels=1, out_classes=1, lr=0.01, weight_decay=1e-4, l2_lambda=1e-4, **kwargs):
        super().__init__()
        self.model = get_model(arch, in_ch=in_channels, out_ch=out_classes)
        self.loss_fn = torch.nn.BCEWithLogitsLoss()
        self.dice_metric = DiceMetric(include_background=False, reduction="mean", get_not_nans=False)
        self.lr = lr
        self.weight_decay = weight_decay
        self.l2_lambda = l2_lambda
        self.save_hyperparameters()

    def forward(self, image):
        return self.model(image.float())

    def shared_step(self, batch, stage):
        image, mask = batch
        logits_mask = self.forward(image)
        loss = self.loss_fn(logits_mask, mask)
        if stage == "train":
            loss = loss + self.l2_lambda * sum(p.pow(2).sum() for p in self.model.parameters())  # expect: WD201
            return {"loss": loss}
        pred_mask = (logits_mask.sigmoid() > 0.5).float()
        self.dice_metric(pred_mask, mask)
        dice_score = self.dice_metric.aggregate()
        self.dice_metric.reset()
        self.log_dict({f'{stage}_loss': loss, f'{stage}_dice_score': dice_score}, on_epoch=True, sync_dist=True)
        return {"loss": loss, "dice_score": dice_score}

    def training_step(self, batch, batch_idx):
        return self.shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        return self.shared_step(batch, "valid")

    def test_step(self, batch, batch_idx):
        return self.shared_step(batch, "test")

    def configure_optimizers(self):
        self.optimizer = torch.optim.Adam(self.parameters(), lr=self.lr, weight_decay=self.weight_decay)  # expect: WD202, WD203
        self.lr_scheduler = {
            'scheduler': torch.optim.lr_scheduler.ReduceLROnPlateau(self.optimizer, mode='min', factor=0.5, patience=5),
            'monitor': 'valid_loss'}
        return {'optimizer': self.optimizer, 'lr_scheduler': self.lr_scheduler}
