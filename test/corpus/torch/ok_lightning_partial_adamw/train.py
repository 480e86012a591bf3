# Idiom seen in: naamiinepal/tunevlseg src/train.py
# Idiom seen in: naamiinepal/tunevlseg src/models/image_text_mask_module.py
# What it reproduces: the entry building the AdamW partial that configure_optimizers applies to the
#   module's own decay/no-decay groups. Clean.
from functools import partial

import torch
from lightning import Trainer

from image_text_mask_module import ImageTextMaskModule
from components import CoOpCLIPSeg
from datamodule import ImageTextMaskDataModule

if __name__ == "__main__":
    net = CoOpCLIPSeg(model_name="CIDAS/clipseg-rd64-refined", context_length=16, freeze_encoder=True)
    optimizer = partial(torch.optim.AdamW, lr=1e-3, betas=(0.9, 0.999))
    scheduler = partial(torch.optim.lr_scheduler.CosineAnnealingLR, T_max=100)
    model = ImageTextMaskModule(net=net, optimizer=optimizer, scheduler=scheduler, weight_decay=0.05)
    datamodule = ImageTextMaskDataModule(dataset="kvasir_polyp", batch_size=32)
    Trainer(max_epochs=100, accelerator="auto").fit(model=model, datamodule=datamodule)
