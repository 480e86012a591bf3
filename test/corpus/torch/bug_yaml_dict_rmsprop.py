# Idiom seen in: voldemortX/pytorch-auto-drive configs/semantic_segmentation/common/optims/adam00008_wd00002.py; Tyern/HAR_AE config/optimizer_param_config.py
# What it reproduces: a yaml-like config dict `optimizer = dict(name=..., lr=..., weight_decay=...)` read with
# `cfg['optimizer'][...]`; RMSprop gets coupled L2 on all parameters, including the GRU biases and the LayerNorm.
import argparse

import torch
import torch.nn as nn

from har_dataset import build_loaders

CONFIG = {
    'model': dict(input_size=9, hidden_size=128, num_classes=6),
    'optimizer': dict(name='RMSprop', lr=1e-3, alpha=0.9, weight_decay=2e-4),
    'train': dict(epochs=40, batch_size=64),
}


class GRUClassifier(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super().__init__()
        self.gru = nn.GRU(input_size, hidden_size, num_layers=2, batch_first=True)
        self.norm = nn.LayerNorm(hidden_size)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.fc(self.norm(out[:, -1]))


def main(cfg):
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train_loader, val_loader = build_loaders(batch_size=cfg['train']['batch_size'])
    model = GRUClassifier(**cfg['model']).to(device)
    opt_cfg = cfg['optimizer']
    optimizer = torch.optim.RMSprop(model.parameters(),  # expect: WD203
                                    lr=opt_cfg['lr'],
                                    alpha=opt_cfg['alpha'],
                                    weight_decay=opt_cfg['weight_decay'])  # expect: WD202
    criterion = nn.CrossEntropyLoss()
    for epoch in range(cfg['train']['epochs']):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
        print('epoch', epoch, 'loss', round(loss.item(), 4))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=None)
    args = parser.parse_args()
    if args.epochs is not None:
        CONFIG['train']['epochs'] = args.epochs
    main(CONFIG)
