# Idiom seen in: StavrosOrf/PoweFlowNet utils/training.py
# What it reproduces: epoch helper that takes the model, loss and optimizer; it trains on the masked L2 loss only
# (no decay term here); the decay comes from the optimizer train.py builds.
import torch
from tqdm import tqdm


def train_epoch(model, loader, loss_fn, optimizer, device):
    model = model.to(device)
    total_loss = 0.
    num_samples = 0
    model.train()
    pbar = tqdm(loader, total=len(loader), desc='Training')
    for data in pbar:
        data = data.to(device)
        optimizer.zero_grad()
        out = model(data)
        loss = loss_fn(out, data.y, data.x[:, 10:])
        loss.backward()
        optimizer.step()
        num_samples += len(data)
        total_loss += loss.item() * len(data)
    return total_loss / num_samples


@torch.no_grad()
def evaluate_epoch(model, loader, loss_fn, device):
    model.eval()
    total_loss, num_samples = 0., 0
    for data in loader:
        data = data.to(device)
        out = model(data)
        total_loss += loss_fn(out, data.y, data.x[:, 10:]).item() * len(data)
        num_samples += len(data)
    return total_loss / num_samples
