# Idiom seen in: naamiinepal/tunevlseg src/train.py
# Idiom seen in: naamiinepal/tunevlseg src/models/image_text_mask_module.py
# What it reproduces: the entry that builds the optimizer partial (Adam without weight_decay, the
#   template's default for prompt tuning) and fits the module; the only decay meant is the logged L2.
from functools import partial

import torch
from lightning import Trainer

from image_text_mask_module import ImageTextMaskModule
from components import CoOpCLIPSeg
from datamodule import ImageTextMaskDataModule

if __name__ == "__main__":
    net = CoOpCLIPSeg(model_name="CIDAS/clipseg-rd64-refined", context_length=16, freeze_encoder=True)
    optimizer = partial(torch.optim.Adam, lr=2e-3)
    scheduler = partial(torch.optim.lr_scheduler.ReduceLROnPlateau, mode="min", factor=0.1, patience=5)
    model = ImageTextMaskModule(net=net, optimizer=optimizer, scheduler=scheduler, l2_weight=1e-4)
    datamodule = ImageTextMaskDataModule(dataset="kvasir_polyp", batch_size=32)
    trainer = Trainer(max_epochs=100, accelerator="auto", precision="16-mixed")
    trainer.fit(model=model, datamodule=datamodule)
