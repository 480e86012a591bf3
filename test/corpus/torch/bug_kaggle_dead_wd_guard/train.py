# Idiom seen in: YasufumiNakama/kaggle-Toxicity-Classification-2019 code/src/trainer.py
# What it reproduces: train_one_epoch with an L2 penalty guarded by `if config.WEIGHT_DECAY > 0:`;
# the only value in the workspace is 0.0, so the decay code is dead (WD303 at the guard).
import torch

import config
from losses import CustomLoss, weight_penalty
from models.EmbLSTM import EmbLSTM
from dataset import get_rnn_loaders
from logger import LOGGER


def train_one_epoch(model, train_loader, criterion, optimizer, device):
    model.train()
    total_loss = 0.0
    for step, (features, targets) in enumerate(train_loader):
        features, targets = features.to(device), targets.to(device)
        loss = criterion(model(features), targets)
        if config.WEIGHT_DECAY > 0:  # expect: WD303
            loss = loss + config.WEIGHT_DECAY * weight_penalty(model)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    return total_loss / (step + 1)


def main():
    torch.manual_seed(config.SEED)
    train_loader, embedding_matrix = get_rnn_loaders(batch_size=config.BATCH_SIZE)
    model = EmbLSTM(embedding_matrix, hidden_size=config.HIDDEN_SIZE).to(config.DEVICE)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.LR)
    criterion = CustomLoss()
    for epoch in range(config.EPOCHS):
        LOGGER.info(f'epoch {epoch}: {train_one_epoch(model, train_loader, criterion, optimizer, config.DEVICE):.5f}')


if __name__ == '__main__':
    main()
