# Idiom seen in: t110368027/Medical_Segmentation_Benchmark src/model.py
# Idiom seen in: t110368027/Medical_Segmentation_Benchmark train.py
# What it reproduces: the upstream vessel-segmentation LightningModule: get_model() picks an architecture by
#   name, shared_step returns {"loss": BCE} for every stage, and configure_optimizers returns Adam with the
#   CLI learning rate and ReduceLROnPlateau, with no weight decay or penalty anywhere. Clean.
import argparse
import os

import pytorch_lightning as pl
import torch
from monai.metrics import DiceMetric
from pytorch_lightning.callbacks import ModelCheckpoint

from src.model_arch import UNet, AttU_Net, NestedUNet
from src.dataset import DataModule
from src.augment import get_train_augmentation


def get_model(arch, in_ch, out_ch, **kwargs):
    arch = str(arch).lower()
    if arch == "AttU_Net".lower():
        return AttU_Net(img_ch=in_ch, output_ch=out_ch)
    elif arch == "NestedUNet".lower() or arch == "UNet++".lower():
        return NestedUNet(in_channel=in_ch, out_channel=out_ch)
    return UNet(n_channels=in_ch, n_classes=out_ch, bilinear=True)


class Model(pl.LightningModule):
    def __init__(self, arch, in_channels=1, out_classes=1, lr=0.01, **kwargs):
        super().__init__()
        self.model = get_model(arch, in_ch=in_channels, out_ch=out_classes)
        self.loss_fn = torch.nn.BCEWithLogitsLoss()
        self.dice_metric = DiceMetric(include_background=False, reduction="mean", get_not_nans=False)
        self.lr = lr
        self.save_hyperparameters()

    def forward(self, image):
        return self.model(image.float())

    def shared_step(self, batch, stage):
        image, mask = batch
        assert image.ndim == 4 and mask.ndim == 4
        logits_mask = self.forward(image)
        loss = self.loss_fn(logits_mask, mask)
        if stage == "valid":
            pred_mask = (logits_mask.sigmoid() > 0.5).float()
            self.dice_metric(pred_mask, mask)
            dice_score = self.dice_metric.aggregate()
            self.dice_metric.reset()
            self.log_dict({'valid_loss': loss, 'valid_dice_score': dice_score,
                           'lr': self.optimizer.param_groups[0]['lr']}, on_epoch=True, sync_dist=True)
            return {"loss": loss, "dice_score": dice_score}
        return {"loss": loss}

    def training_step(self, batch, batch_idx):
        return self.shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        return self.shared_step(batch, "valid")

    def configure_optimizers(self):
        self.optimizer = torch.optim.Adam(self.parameters(), lr=self.lr)
        self.lr_scheduler = {
            'scheduler': torch.optim.lr_scheduler.ReduceLROnPlateau(self.optimizer, mode='min', factor=0.5, patience=5),
            'monitor': 'valid_loss'}
        return {'optimizer': self.optimizer, 'lr_scheduler': self.lr_scheduler}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('-m', '--model', default="UNet", type=str)
    parser.add_argument('-b', '--batch_size', default=8, type=int)
    parser.add_argument('-e', '--epoch', default=50, type=int)
    parser.add_argument('-lr', '--learning_rate', default=0.001, type=float)
    parser.add_argument('-dp', '--dataset_path', default="datasets", type=str)
    parser.add_argument('-dn', '--dataset_name', default="DRIVE", type=str)
    args = parser.parse_args()

    pl.seed_everything(123)
    model = Model(arch=args.model, in_channels=1, out_classes=1, lr=args.learning_rate)
    dataset = DataModule(data_dir=os.path.join(args.dataset_path, args.dataset_name, 'set.npz'),
                         batch_size=args.batch_size, numworkers=0, data_name=args.dataset_name, is_patch=True,
                         transform=get_train_augmentation)
    trainer = pl.Trainer(max_epochs=args.epoch, precision=16,
                         callbacks=ModelCheckpoint(monitor='valid_dice_score', save_top_k=1, mode='max'))
    trainer.fit(model, dataset)
