# Idiom seen in: Project-MONAI/tutorials 3d_segmentation/unetr_btcv_segmentation_3d_lightning.ipynb
# What it reproduces: the MONAI UNETR/BTCV Lightning notebook exported to a script. Its
#   configure_optimizers already decays every UNETR parameter (AdamW(self._model.parameters(),
#   weight_decay=1e-5): LayerNorm/InstanceNorm and biases included, WD203); the realistic user change
#   "add L2 like the paper" then puts a second penalty on the same weights into the loss that
#   training_step returns (WD201 at the penalty).
#!/usr/bin/env python
# coding: utf-8

# In[1]:


import os
import tempfile

import pytorch_lightning
import torch
from monai.data import CacheDataset, decollate_batch, list_data_collate, load_decathlon_datalist
from monai.inferers import sliding_window_inference
from monai.losses import DiceCELoss
from monai.metrics import DiceMetric
from monai.networks.nets import UNETR
from monai.transforms import AsDiscrete
from pytorch_lightning.callbacks.model_checkpoint import ModelCheckpoint

from btcv_transforms import train_transforms, val_transforms


# In[2]:


directory = os.environ.get("MONAI_DATA_DIRECTORY")
root_dir = tempfile.mkdtemp() if directory is None else directory
L2_LAMBDA = 1e-5


# In[3]:


class Net(pytorch_lightning.LightningModule):
    def __init__(self):
        super().__init__()
        self._model = UNETR(
            in_channels=1,
            out_channels=14,
            img_size=(96, 96, 96),
            feature_size=16,
            hidden_size=768,
            mlp_dim=3072,
            num_heads=12,
            pos_embed="perceptron",
            norm_name="instance",
            res_block=True,
            conv_block=True,
            dropout_rate=0.0,
        )
        self.loss_function = DiceCELoss(to_onehot_y=True, softmax=True)
        self.post_pred = AsDiscrete(argmax=True, to_onehot=14)
        self.post_label = AsDiscrete(to_onehot=14)
        self.dice_metric = DiceMetric(include_background=False, reduction="mean", get_not_nans=False)
        self.best_val_dice = 0
        self.max_epochs = 1300
        self.check_val = 30

    def forward(self, x):
        return self._model(x)

    def prepare_data(self):
        data_dir = os.path.join(root_dir, "Synapse_Orig")
        datasets = os.path.join(data_dir, "dataset_0.json")
        datalist = load_decathlon_datalist(datasets, True, "training")
        val_files = load_decathlon_datalist(datasets, True, "validation")
        self.train_ds = CacheDataset(data=datalist, transform=train_transforms, cache_num=24,
                                     cache_rate=1.0, num_workers=8)
        self.val_ds = CacheDataset(data=val_files, transform=val_transforms, cache_num=6,
                                   cache_rate=1.0, num_workers=8)

    def train_dataloader(self):
        return torch.utils.data.DataLoader(self.train_ds, batch_size=1, shuffle=True, num_workers=8,
                                           pin_memory=True, collate_fn=list_data_collate)

    def val_dataloader(self):
        return torch.utils.data.DataLoader(self.val_ds, batch_size=1, shuffle=False, num_workers=4,
                                           pin_memory=True)

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(
            self._model.parameters(), lr=1e-4, weight_decay=1e-5  # expect: WD203
        )
        return optimizer

    def training_step(self, batch, batch_idx):
        images, labels = (batch["image"].cuda(), batch["label"].cuda())
        output = self.forward(images)
        l2_reg = sum(p.pow(2).sum() for p in self._model.parameters())  # expect: WD201
        loss = self.loss_function(output, labels) + L2_LAMBDA * l2_reg
        tensorboard_logs = {"train_loss": loss.item()}
        return {"loss": loss, "log": tensorboard_logs}

    def validation_step(self, batch, batch_idx):
        images, labels = batch["image"], batch["label"]
        outputs = sliding_window_inference(images, (96, 96, 96), 4, self.forward)
        loss = self.loss_function(outputs, labels)
        outputs = [self.post_pred(i) for i in decollate_batch(outputs)]
        labels = [self.post_label(i) for i in decollate_batch(labels)]
        self.dice_metric(y_pred=outputs, y=labels)
        return {"val_loss": loss, "val_number": len(outputs)}


# In[4]:


net = Net()
checkpoint_callback = ModelCheckpoint(dirpath=root_dir, filename="best_metric_model")
trainer = pytorch_lightning.Trainer(
    gpus=[0],
    max_epochs=net.max_epochs,
    check_val_every_n_epoch=net.check_val,
    callbacks=checkpoint_callback,
    default_root_dir=root_dir,
)
trainer.fit(net)
