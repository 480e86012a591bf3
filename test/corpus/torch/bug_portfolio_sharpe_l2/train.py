# Idiom seen in: dimasthoriq/DL-portfolio-optimization train.py
# Idiom seen in: dimasthoriq/DL-portfolio-optimization losses.py
# What it reproduces: realistic user mistake in this repo's training loop: Adam's weight_decay is set to 0
#   and the objective "maximize Sharpe - l2_lambda * ||theta||^2" is turned into a loss by negating only
#   the Sharpe part, so the L2 term is subtracted and the weights are pushed to grow.
import time
import datetime

import torch

from losses import NegativeSharpeLoss
from models import DLS
from utils import get_loaders

config = {
    'device': 'cuda' if torch.cuda.is_available() else 'cpu',
    'lr': 1e-3,
    'weight_decay': 0.0,
    'l2_lambda': 1e-4,
    'epochs': 100,
    'batch_size': 64,
    'lookback': 50,
    'volatility_scaling': 1,
    'cost_rate': 0,
}


def train_one_epoch(model, optimizer, criterion, data_loader, config):
    epoch_loss = 0
    model.train()
    for i, (x, y) in enumerate(data_loader):
        x, y = x.float().to(config['device']), y.float().to(config['device'])
        optimizer.zero_grad()
        y_pred = model(x)

        loss = criterion(y_pred, y)  # = -Sharpe
        l2 = sum(torch.sum(p ** 2) for p in model.parameters())
        loss = loss - config['l2_lambda'] * l2  # expect: WD302
        loss.backward()
        optimizer.step()

        epoch_loss += loss.detach().cpu().item()
    return epoch_loss / (i + 1)


def training(model, train_loader, val_loader, config):
    model.to(config['device'])
    optimizer = torch.optim.Adam(model.parameters(),
                                 lr=config['lr'],
                                 weight_decay=config['weight_decay'],
                                 )
    criterion = NegativeSharpeLoss()
    loss_train = []
    time_start = time.time()
    for epoch in range(config['epochs']):
        epoch_loss = train_one_epoch(model, optimizer, criterion, train_loader, config)
        loss_train.append(epoch_loss)
        print(f"Epoch: {epoch + 1}/{config['epochs']}, Train objective: {-epoch_loss:.8f}")
    duration = time.time() - time_start
    print('Training completed in {:.0f}m {:.0f}s'.format(duration // 60, duration % 60))
    stamp = datetime.datetime.today().strftime('%Y%m%d_%H%M')
    torch.save(model, f"Experiments/DLS_l2_{stamp}.pth")
    return model, loss_train


if __name__ == '__main__':
    train_loader, val_loader, n_assets, n_features = get_loaders('data/prices.csv', config)
    model = DLS(n_assets=n_assets, n_features=n_features)
    training(model, train_loader, val_loader, config)
