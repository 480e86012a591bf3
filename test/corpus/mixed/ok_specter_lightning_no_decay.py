# Idiom seen in: allenai/specter scripts/pytorch_lightning_training_script/train.py
# What it reproduces: SPECTER's LightningModule on SciBERT (a BERT, whose norms are named LayerNorm):
# configure_optimizers splits named_parameters into a decayed group and a ["bias", "LayerNorm.weight"]
# group with weight_decay 0.0 for transformers' AdamW; training_step returns the triplet loss. Clean.
import argparse
from argparse import Namespace

import pytorch_lightning as pl
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader
from transformers import AdamW, AutoModel, AutoTokenizer, get_linear_schedule_with_warmup

from specter_data import IterableDataSetMultiWorker


class TripletLoss(nn.Module):
    def __init__(self, margin=1.0):
        super().__init__()
        self.margin = margin

    def forward(self, query, positive, negative):
        distance_positive = F.pairwise_distance(query, positive)
        distance_negative = F.pairwise_distance(query, negative)
        return F.relu(distance_positive - distance_negative + self.margin).mean()


class Specter(pl.LightningModule):
    def __init__(self, init_args):
        super().__init__()
        if isinstance(init_args, dict):
            init_args = Namespace(**init_args)
        self.save_hyperparameters(vars(init_args))
        self.model = AutoModel.from_pretrained("allenai/scibert_scivocab_cased")
        self.tokenizer = AutoTokenizer.from_pretrained("allenai/scibert_scivocab_cased")
        self.triple_loss = TripletLoss()

    def train_dataloader(self):
        dataset = IterableDataSetMultiWorker(file_path=self.hparams.train_file, tokenizer=self.tokenizer)
        return DataLoader(dataset, batch_size=self.hparams.batch_size, num_workers=self.hparams.num_workers)

    def configure_optimizers(self):
        """Prepare optimizer and schedule (linear warmup and decay)"""
        model = self.model
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {
                "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
                "weight_decay": self.hparams.weight_decay,
            },
            {
                "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
                "weight_decay": 0.0,
            },
        ]
        optimizer = AdamW(optimizer_grouped_parameters, lr=self.hparams.lr, eps=self.hparams.adam_epsilon)
        scheduler = get_linear_schedule_with_warmup(
            optimizer, num_warmup_steps=self.hparams.warmup_steps, num_training_steps=self.hparams.total_steps)
        return [optimizer], [{"scheduler": scheduler, "interval": "step", "frequency": 1}]

    def training_step(self, batch, batch_idx):
        source_embedding = self.model(**batch[0])[1]
        pos_embedding = self.model(**batch[1])[1]
        neg_embedding = self.model(**batch[2])[1]
        loss = self.triple_loss(source_embedding, pos_embedding, neg_embedding)
        self.log('train_loss', loss, on_step=True, on_epoch=False, prog_bar=True, logger=True)
        return {"loss": loss}


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--train_file')
    parser.add_argument('--batch_size', default=1, type=int)
    parser.add_argument('--num_workers', default=4, type=int)
    parser.add_argument('--num_epochs', default=1, type=int)
    parser.add_argument('--total_steps', default=100000, type=int)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--weight_decay", default=0.01, type=float, help="Weight decay if we apply some.")
    parser.add_argument("--adam_epsilon", default=1e-8, type=float, help="Epsilon for Adam optimizer.")
    parser.add_argument("--warmup_steps", default=0, type=int, help="Linear warmup over warmup_steps.")
    parser.add_argument('--save_dir', required=True)
    return parser.parse_args()


def main():
    args = parse_args()
    pl.seed_everything(1918)
    model = Specter(args)
    trainer = pl.Trainer(max_epochs=args.num_epochs, default_root_dir=args.save_dir, gradient_clip_val=1.0)
    trainer.fit(model)


if __name__ == '__main__':
    main()
