# Idiom seen in: lopeve/colearnt-prompting src/models/BERT.py
# What it reproduces: a Lightning BERT classifier that freezes the encoder except its last layer and pooler,
#   and groups AdamW parameters with no_decay = ["bias", "LayerNorm.weight"] (names BERT really uses),
#   decaying only the weight matrices at hparams.weight_decay. Clean.
import argparse

from pytorch_lightning import Trainer, seed_everything

from bert_module import BERT
from data_module import SuperGLUEDataModule  # dataset reader, not part of this folder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="bert-base-uncased")
    parser.add_argument("--task_name", default="rte")
    parser.add_argument("--learning_rate", type=float, default=2e-5)
    parser.add_argument("--weight_decay", type=float, default=0.01)
    parser.add_argument("--max_epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    seed_everything(args.seed)
    dm = SuperGLUEDataModule(model_name_or_path=args.model_name_or_path, task_name=args.task_name)
    dm.setup("fit")
    model = BERT(model_name_or_path=args.model_name_or_path, num_labels=dm.num_labels,
                 task_name=args.task_name, learning_rate=args.learning_rate, weight_decay=args.weight_decay,
                 eval_splits=dm.eval_splits)
    trainer = Trainer(max_epochs=args.max_epochs, accelerator="auto", devices=1)
    trainer.fit(model, datamodule=dm)


if __name__ == "__main__":
    main()
