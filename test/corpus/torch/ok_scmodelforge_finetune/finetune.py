# Idiom seen in: EhsanRS/scModelForge src/scmodelforge/finetuning/lightning_module.py
# Idiom seen in: EhsanRS/scModelForge src/scmodelforge/config/schema.py
# What it reproduces: cell-type annotation fine-tuning: load a pretrained backbone, freeze it for the first
#   epochs, and let Lightning fit with the module's grouped AdamW (decay 0.01 on weights only). Clean.
import argparse

import lightning.pytorch as pl
import torch

from lightning_module import FineTuneLightningModule
from models import CellBackbone, ClassificationHead, FineTuneModel
from schema import OptimizerConfig, SchedulerConfig
from data import CellDataModule


def main():
    parser = argparse.ArgumentParser(description="Fine-tune a single-cell foundation model")
    parser.add_argument("--checkpoint", type=str, required=True)
    parser.add_argument("--data", type=str, required=True)
    parser.add_argument("--num_classes", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--freeze_backbone_epochs", type=int, default=2)
    args = parser.parse_args()

    backbone = CellBackbone()
    backbone.load_state_dict(torch.load(args.checkpoint, map_location="cpu"), strict=False)
    model = FineTuneModel(backbone, ClassificationHead(256, args.num_classes))
    if args.freeze_backbone_epochs > 0:
        model.freeze_backbone()

    module = FineTuneLightningModule(
        model,
        optimizer_config=OptimizerConfig(name="adamw", lr=5e-5, weight_decay=0.01),
        scheduler_config=SchedulerConfig(warmup_steps=500, total_steps=20_000),
        backbone_lr=1e-5,
        head_lr=1e-3,
        freeze_backbone_epochs=args.freeze_backbone_epochs,
    )
    trainer = pl.Trainer(max_epochs=args.epochs, accelerator="auto", precision="bf16-mixed",
                         gradient_clip_val=1.0)
    trainer.fit(module, datamodule=CellDataModule(args.data))


if __name__ == "__main__":
    main()
