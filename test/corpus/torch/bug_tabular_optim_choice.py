# Idiom seen in: jrzaurin/tabulardl-benchmark run_experiments/run_bankm_tabtransformer_experiments.sh
# What it reproduces: benchmark script choosing Adam / AdamW / RAdam from --optimizer with one --weight_decay
# for all: Adam and RAdam get coupled L2, and every branch decays the whole model: embeddings, norm layers and biases too.
import argparse

import torch
import torch.nn as nn

from bank_marketing_data import load_bank_marketing  # not in this workspace


def parse_args():
    parser = argparse.ArgumentParser(description="bank marketing MLP/TabTransformer")
    parser.add_argument("--optimizer", type=str, default="Adam")
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--weight_decay", type=float, default=1e-5)
    parser.add_argument("--input_dim", type=int, default=32)
    parser.add_argument("--n_epochs", type=int, default=100)
    parser.add_argument("--batch_size", type=int, default=512)
    return parser.parse_args()


class TabMlp(nn.Module):
    def __init__(self, cat_cardinalities, n_cont, input_dim):
        super().__init__()
        self.embeds = nn.ModuleList([nn.Embedding(c + 1, input_dim) for c in cat_cardinalities])
        self.cont_norm = nn.BatchNorm1d(n_cont)
        width = input_dim * len(cat_cardinalities) + n_cont
        self.mlp = nn.Sequential(
            nn.Linear(width, 200), nn.LayerNorm(200), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(200, 100), nn.ReLU(), nn.Linear(100, 1))

    def forward(self, x_cat, x_cont):
        emb = [e(x_cat[:, i]) for i, e in enumerate(self.embeds)]
        x = torch.cat(emb + [self.cont_norm(x_cont)], dim=1)
        return self.mlp(x)


def set_optimizer(model, args):
    if args.optimizer == "Adam":
        return torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202, WD203
    elif args.optimizer == "AdamW":
        return torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD203
    elif args.optimizer == "RAdam":
        return torch.optim.RAdam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202, WD203
    raise ValueError(args.optimizer)


def main():
    args = parse_args()
    train_loader, valid_loader, cards, n_cont = load_bank_marketing(batch_size=args.batch_size)
    model = TabMlp(cards, n_cont, args.input_dim)
    optimizer = set_optimizer(model, args)
    loss_fn = nn.BCEWithLogitsLoss()
    for epoch in range(args.n_epochs):
        model.train()
        for x_cat, x_cont, y in train_loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x_cat, x_cont).squeeze(1), y)
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch} loss {loss.item():.4f}")


if __name__ == "__main__":
    main()
