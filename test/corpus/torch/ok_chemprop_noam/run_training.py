# Idiom seen in: chemprop/chemprop chemprop/utils.py
# What it reproduces: molecular property regression loop: model, build_optimizer, Noam scheduler stepped per
# batch, masked MSE loss with no penalty; the optimizer's only group has weight_decay 0.
from dataclasses import dataclass

import torch
import torch.nn as nn

from data import MoleculeDataLoader, get_data, split_data
from model import MoleculeModel
from utils import build_optimizer, build_lr_scheduler


@dataclass
class TrainArgs:
    data_path: str = "delaney.csv"
    atom_fdim: int = 133
    bond_fdim: int = 147
    hidden_size: int = 300
    ffn_hidden_size: int = 300
    depth: int = 3
    dropout: float = 0.0
    num_tasks: int = 1
    epochs: int = 30
    batch_size: int = 50
    warmup_epochs: float = 2.0
    init_lr: float = 1e-4
    max_lr: float = 1e-3
    final_lr: float = 1e-4
    num_lrs: int = 1
    train_data_size: int = 0


def run_training(args: TrainArgs):
    data = get_data(path=args.data_path)
    train_data, val_data, test_data = split_data(data, sizes=(0.8, 0.1, 0.1))
    args.train_data_size = len(train_data)
    train_loader = MoleculeDataLoader(train_data, batch_size=args.batch_size, shuffle=True)
    model = MoleculeModel(args)
    optimizer = build_optimizer(model, args)
    scheduler = build_lr_scheduler(optimizer, args)
    loss_func = nn.MSELoss(reduction="none")
    for epoch in range(args.epochs):
        model.train()
        for batch in train_loader:
            mol_batch, targets = batch.batch_graph(), batch.targets()
            mask = torch.tensor([[x is not None for x in tb] for tb in targets], dtype=torch.bool)
            targets = torch.tensor([[0 if x is None else x for x in tb] for tb in targets])
            model.zero_grad()
            preds = model(mol_batch)
            loss = (loss_func(preds, targets) * mask).sum() / mask.sum()
            loss.backward()
            optimizer.step()
            scheduler.step()
        print(f"epoch {epoch}: last loss {loss.item():.4f}, lr {scheduler.get_lr()[0]:.2e}")
    return model


if __name__ == "__main__":
    run_training(TrainArgs())
