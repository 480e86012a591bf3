# Idiom seen in: CLUEbenchmark/CLUE baselines/models_pytorch/classifier_pytorch/run_classifier.py
# What it reproduces: the CLUE BERT no_decay recipe moved into a LightningModule: configure_optimizers
#   splits named_parameters into decayed weights and bias/LayerNorm.weight with weight_decay 0, AdamW
#   with a per-step linear warmup scheduler; trainer.fit is the entry point. Clean.
import argparse

import pytorch_lightning as pl
import torch
from transformers import AutoModelForTokenClassification, get_linear_schedule_with_warmup

from datamodules import CluenerDataModule


class BertTagger(pl.LightningModule):
    def __init__(self, model_name="bert-base-chinese", num_labels=21, lr=3e-5, weight_decay=0.01,
                 warmup_ratio=0.1, total_steps=10000):
        super().__init__()
        self.save_hyperparameters()
        self.model = AutoModelForTokenClassification.from_pretrained(model_name, num_labels=num_labels)

    def forward(self, **batch):
        return self.model(**batch)

    def training_step(self, batch, batch_idx):
        out = self(**batch)
        self.log("train_loss", out.loss)
        return out.loss

    def validation_step(self, batch, batch_idx):
        self.log("val_loss", self(**batch).loss)

    def configure_optimizers(self):
        no_decay = ["bias", "LayerNorm.weight"]
        grouped = [
            {"params": [p for n, p in self.model.named_parameters() if not any(nd in n for nd in no_decay)],
             "weight_decay": self.hparams.weight_decay},
            {"params": [p for n, p in self.model.named_parameters() if any(nd in n for nd in no_decay)],
             "weight_decay": 0.0},
        ]
        optimizer = torch.optim.AdamW(grouped, lr=self.hparams.lr)
        scheduler = get_linear_schedule_with_warmup(
            optimizer, int(self.hparams.warmup_ratio * self.hparams.total_steps), self.hparams.total_steps)
        return [optimizer], [{"scheduler": scheduler, "interval": "step"}]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="datasets/cluener")
    parser.add_argument("--max_epochs", type=int, default=4)
    args = parser.parse_args()
    dm = CluenerDataModule(args.data_dir, batch_size=32)
    model = BertTagger(total_steps=args.max_epochs * 336)
    trainer = pl.Trainer(max_epochs=args.max_epochs, accumulate_grad_batches=2, gradient_clip_val=1.0)
    trainer.fit(model, datamodule=dm)
