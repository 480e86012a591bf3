# Idiom seen in: andreineculai/MPC code/optimizers/optimizer_factory.py
# What it reproduces: config-driven optimizer factory (SGD with config.optimizer.weight_decay) and a train loop that
# also adds a hand-written L2 over model.parameters(): double decay (WD201), and the factory gets all parameters so
# biases/norms decay (WD203). Realistic user mistake in this idiom (the penalty kept from an older script).
import argparse

import torch
import torch.nn as nn
from omegaconf import OmegaConf

from data import build_loaders
from optimizers import optimizer_factory


class TextImageComposer(nn.Module):
    def __init__(self, img_dim=512, txt_dim=300, emb_dim=256):
        super().__init__()
        self.img_proj = nn.Sequential(nn.Linear(img_dim, emb_dim), nn.BatchNorm1d(emb_dim), nn.ReLU())
        self.txt_proj = nn.Sequential(nn.Linear(txt_dim, emb_dim), nn.LayerNorm(emb_dim))
        self.out = nn.Linear(emb_dim, emb_dim)

    def forward(self, img, txt):
        return self.out(self.img_proj(img) * self.txt_proj(txt))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--l2_lambda', type=float, default=1e-4)
    args = parser.parse_args()
    config = OmegaConf.create({
        'optimizer': {'name': 'sgd', 'learning_rate': 0.01, 'weight_decay': 5e-4},
        'train': {'epochs': 30, 'batch_size': 64},
    })

    train_loader, _ = build_loaders(config)
    model = TextImageComposer()
    optimizer = optimizer_factory(config, model.parameters())  # expect: WD203
    criterion = nn.CosineEmbeddingLoss()

    for epoch in range(config.train.epochs):
        model.train()
        for img, txt, target, y in train_loader:
            optimizer.zero_grad()
            pred = model(img, txt)
            loss = criterion(pred, target, y)
            l2_reg = sum(p.pow(2).sum() for p in model.parameters())  # expect: WD201
            loss = loss + args.l2_lambda * l2_reg
            loss.backward()
            optimizer.step()
        print('epoch {} loss {:.4f}'.format(epoch, loss.item()))


if __name__ == '__main__':
    main()
