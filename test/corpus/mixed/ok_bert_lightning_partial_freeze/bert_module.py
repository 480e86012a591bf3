# Idiom seen in: lopeve/colearnt-prompting src/models/BERT.py
# What it reproduces: a Lightning BERT classifier that freezes the encoder except its last layer and pooler,
#   and groups AdamW parameters with no_decay = ["bias", "LayerNorm.weight"] (names BERT really uses),
#   decaying only the weight matrices at hparams.weight_decay. Clean.
from typing import Optional

import torch
from pytorch_lightning import LightningModule
from torch.optim import AdamW
from transformers import AutoConfig, AutoModelForSequenceClassification, get_linear_schedule_with_warmup


class BERT(LightningModule):
    def __init__(self, model_name_or_path: str, num_labels: int, task_name: str,
                 learning_rate: float = 2e-5, adam_epsilon: float = 1e-8, warmup_steps: int = 0,
                 weight_decay: float = 0.0, train_batch_size: int = 32, eval_batch_size: int = 32,
                 eval_splits: Optional[list] = None, **kwargs):
        super().__init__()
        self.save_hyperparameters()
        self.config = AutoConfig.from_pretrained(model_name_or_path, num_labels=num_labels)
        self.model = AutoModelForSequenceClassification.from_pretrained(model_name_or_path, config=self.config)

        module = self.model.bert
        for param in module.parameters():
            param.requires_grad = False
        for param in module.encoder.layer[-1].parameters():
            param.requires_grad = True
        for param in module.pooler.parameters():
            param.requires_grad = True

    def forward(self, **inputs):
        return self.model(**inputs)

    def training_step(self, batch, batch_idx):
        outputs = self(**batch)
        loss = outputs[0]
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx, dataloader_idx=0):
        outputs = self(**batch)
        val_loss, logits = outputs[:2]
        preds = torch.argmax(logits, dim=1)
        self.log("val_loss", val_loss, prog_bar=True)
        self.log("val_acc", (preds == batch["labels"]).float().mean(), prog_bar=True)

    def configure_optimizers(self):
        """Prepare optimizer and schedule (linear warmup and decay)"""
        model = self.model
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {
                "params": [p for n, p in model.named_parameters()
                           if p.requires_grad and not any(nd in n for nd in no_decay)],
                "weight_decay": self.hparams.weight_decay,
            },
            {
                "params": [p for n, p in model.named_parameters()
                           if p.requires_grad and any(nd in n for nd in no_decay)],
                "weight_decay": 0.0,
            },
        ]
        optimizer = AdamW(optimizer_grouped_parameters, lr=self.hparams.learning_rate, eps=self.hparams.adam_epsilon)
        scheduler = get_linear_schedule_with_warmup(
            optimizer, num_warmup_steps=self.hparams.warmup_steps,
            num_training_steps=self.trainer.estimated_stepping_batches)
        return [optimizer], [{"scheduler": scheduler, "interval": "step", "frequency": 1}]
