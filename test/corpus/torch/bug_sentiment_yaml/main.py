# Idiom seen in: hsuehkuan-lu/sentiment-classification train.py
# What it reproduces: the entry script that builds the vocabulary and loaders from a data module the folder does not hold, then hands the model to the YAML-configured Trainer.
import argparse

from torch.utils.data import DataLoader

from base import PARAMS
from dataset import build_vocab, collate_batch, load_reviews
from mlp import Trainer
from model import TextMLP


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/reviews.csv")
    parser.add_argument("--mode", default="train")
    args = parser.parse_args()

    train_set, valid_set = load_reviews(args.data)
    vocab = build_vocab(train_set)
    cfg = PARAMS[args.mode]
    train_loader = DataLoader(train_set, batch_size=cfg["batch_size"], shuffle=True,
                              collate_fn=lambda b: collate_batch(b, vocab))
    valid_loader = DataLoader(valid_set, batch_size=cfg["batch_size"],
                              collate_fn=lambda b: collate_batch(b, vocab))

    model = TextMLP(len(vocab), embed_dim=cfg["embed_dim"], hidden=cfg["hidden"])
    trainer = Trainer(model, args.mode)
    trainer.set_dataloader(train_loader, valid_loader)
    best = trainer.train()
    print("best:", best)
    model.save_model(f"{trainer.method}_model.pt")


if __name__ == "__main__":
    main()
