# Idiom seen in: allenai/drug-combo-extraction scripts/train.py
# What it reproduces: the training script that builds RelationExtractor with the default strategy and fits it
#   with a pytorch_lightning Trainer; data loading comes from a module the workspace does not hold.
import argparse

import pytorch_lightning as pl

from model import BertForRelation, RelationExtractor
from preprocessing.data_loader import DrugSynergyDataModule

parser = argparse.ArgumentParser()
parser.add_argument('--pretrained-lm', type=str, default="microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract")
parser.add_argument('--num-train-epochs', default=10, type=int)
parser.add_argument('--lr', default=2e-4, type=float)
parser.add_argument('--batch-size', default=18, type=int)
parser.add_argument('--max-seq-length', default=512, type=int)

if __name__ == "__main__":
    args = parser.parse_args()
    dm = DrugSynergyDataModule(args.pretrained_lm, args.batch_size, args.max_seq_length)
    dm.setup()
    model = BertForRelation.from_pretrained(args.pretrained_lm, num_rel_labels=dm.num_labels,
                                            max_seq_length=args.max_seq_length)
    num_train_optimization_steps = len(dm.train_dataloader()) * float(args.num_train_epochs)
    system = RelationExtractor(model, num_train_optimization_steps, lr=args.lr)
    trainer = pl.Trainer(gpus=1, max_epochs=args.num_train_epochs)
    trainer.fit(system, datamodule=dm)
