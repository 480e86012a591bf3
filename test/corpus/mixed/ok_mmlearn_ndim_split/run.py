# Idiom seen in: VectorInstitute/mmlearn projects/med_benchmarking/configs/experiment/baseline.yaml
# What it reproduces: the experiment entry point: AdamW partial with weight_decay=0.1 and a cosine schedule,
#   handed to the task; the base class keeps biases and norms out of the decay. Clean.
from functools import partial

import lightning as L
import torch

from mmlearn.datasets import MedVQADataModule
from mmlearn.modules.encoders import HFTextEncoder, TimmViT
from contrastive import ContrastivePretraining


def main():
    task = ContrastivePretraining(
        text_encoder=HFTextEncoder("emilyalsentzer/Bio_ClinicalBERT"),
        image_encoder=TimmViT("vit_base_patch16_224", pretrained=True),
        optimizer=partial(torch.optim.AdamW, lr=5e-4, betas=(0.9, 0.98), eps=1e-6, weight_decay=0.1),
        lr_scheduler=partial(torch.optim.lr_scheduler.CosineAnnealingLR, T_max=20_000),
        loss_fn=torch.nn.CrossEntropyLoss(),
    )
    trainer = L.Trainer(max_epochs=20, precision="16-mixed", devices=4, strategy="ddp")
    trainer.fit(task, datamodule=MedVQADataModule(batch_size=256))


if __name__ == "__main__":
    main()
