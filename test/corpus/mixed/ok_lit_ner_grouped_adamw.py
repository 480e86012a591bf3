# Idiom seen in: ssbuild/deep_training asmodels/model/nlp/utils/__init__.py
# What it reproduces: a Lightning token classifier whose configure_optimizers hands (module, lr) pairs to a
#   helper building AdamW groups with no_decay = ["bias", "LayerNorm.weight"] per module (BERT's norms are named
#   LayerNorm), plus a step-interval warmup scheduler; training_step returns the bare CE loss. Clean.
import argparse
import typing

import pytorch_lightning as pl
import torch
import torch.nn as nn
import torch.nn.functional as F
from transformers import AdamW, BertModel, get_linear_schedule_with_warmup

from data_helper import NerDataModule


def configure_optimizers(model_attrs: typing.Union[typing.List, typing.Tuple],
                         hparams,
                         estimated_stepping_batches: int):
    no_decay = ["bias", "LayerNorm.weight"]
    opt = []
    for a, lr in model_attrs:
        opt += [
            {
                "params": [p for n, p in a.named_parameters() if not any(nd in n for nd in no_decay)],
                "weight_decay": hparams.weight_decay, "lr": lr,
            },
            {
                "params": [p for n, p in a.named_parameters() if any(nd in n for nd in no_decay)],
                "weight_decay": 0.0, "lr": lr,
            },
        ]
    optimizer = AdamW(opt, lr=hparams.learning_rate, eps=hparams.adam_epsilon)

    scheduler = get_linear_schedule_with_warmup(
        optimizer,
        num_warmup_steps=hparams.warmup_steps,
        num_training_steps=estimated_stepping_batches
    )
    scheduler = {"scheduler": scheduler, "interval": "step", "frequency": 1}
    return [optimizer], [scheduler]


class MyTransformer(pl.LightningModule):
    def __init__(self, model_name_or_path: str, num_labels: int, learning_rate: float = 5e-5,
                 learning_rate_for_task: float = 1e-3, weight_decay: float = 0.01, adam_epsilon: float = 1e-8,
                 warmup_steps: int = 0):
        super().__init__()
        self.save_hyperparameters()
        self.model = BertModel.from_pretrained(model_name_or_path)
        self.dropout = nn.Dropout(0.1)
        self.classifier = nn.Linear(self.model.config.hidden_size, num_labels)

    def forward(self, input_ids, attention_mask):
        outputs = self.model(input_ids=input_ids, attention_mask=attention_mask)
        return self.classifier(self.dropout(outputs[0]))

    def training_step(self, batch, batch_idx):
        logits = self(batch["input_ids"], batch["attention_mask"])
        active = batch["attention_mask"].view(-1) == 1
        loss = F.cross_entropy(logits.view(-1, logits.size(-1))[active], batch["labels"].view(-1)[active])
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        attrs = [(self.model, self.hparams.learning_rate),
                 (self.classifier, self.hparams.learning_rate_for_task)]
        return configure_optimizers(attrs, self.hparams, self.trainer.estimated_stepping_batches)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_name_or_path', default='bert-base-chinese')
    parser.add_argument('--max_epochs', type=int, default=10)
    parser.add_argument('--weight_decay', type=float, default=0.01)
    args = parser.parse_args()

    dm = NerDataModule(args.model_name_or_path, batch_size=32)
    model = MyTransformer(args.model_name_or_path, num_labels=dm.num_labels, weight_decay=args.weight_decay)
    trainer = pl.Trainer(max_epochs=args.max_epochs, accelerator="gpu", devices=1, gradient_clip_val=1.0)
    trainer.fit(model, datamodule=dm)
