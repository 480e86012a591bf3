# Idiom seen in: aikunyi/FreTS exp/exp_main.py
# What it reproduces: an Exp class in the same family whose _select_optimizer splits the parameters by
#   ndim (matrices decayed, 1-D biases/embedding vectors not) for AdamW, stepped with OneCycleLR: clean.
import argparse

import torch
import torch.nn as nn
from torch import optim
from torch.optim import lr_scheduler

from data_provider.data_factory import data_provider
from models import FreTS


class Exp_Main(object):
    def __init__(self, args):
        self.args = args
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.model = FreTS.Model(args).float().to(self.device)

    def _select_optimizer(self):
        decay, no_decay = [], []
        for name, param in self.model.named_parameters():
            if not param.requires_grad:
                continue
            if param.ndim <= 1 or name.endswith('.bias'):
                no_decay.append(param)
            else:
                decay.append(param)
        groups = [{'params': decay, 'weight_decay': self.args.weight_decay},
                  {'params': no_decay, 'weight_decay': 0.0}]
        return optim.AdamW(groups, lr=self.args.learning_rate)

    def train(self):
        train_data, train_loader = data_provider(self.args, 'train')
        model_optim = self._select_optimizer()
        criterion = nn.MSELoss()
        scheduler = lr_scheduler.OneCycleLR(optimizer=model_optim, steps_per_epoch=len(train_loader),
                                            pct_start=self.args.pct_start, epochs=self.args.train_epochs,
                                            max_lr=self.args.learning_rate)
        for epoch in range(self.args.train_epochs):
            self.model.train()
            for batch_x, batch_y, _, _ in train_loader:
                model_optim.zero_grad()
                outputs = self.model(batch_x.float().to(self.device))
                batch_y = batch_y[:, -self.args.pred_len:, :].float().to(self.device)
                loss = criterion(outputs[:, -self.args.pred_len:, :], batch_y)
                loss.backward()
                model_optim.step()
                scheduler.step()
        return self.model


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--seq_len', type=int, default=96)
    parser.add_argument('--pred_len', type=int, default=192)
    parser.add_argument('--enc_in', type=int, default=7)
    parser.add_argument('--channel_independence', type=int, default=1)
    parser.add_argument('--train_epochs', type=int, default=20)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    parser.add_argument('--weight_decay', type=float, default=0.05)
    parser.add_argument('--pct_start', type=float, default=0.3)
    parser.add_argument('--data', type=str, default='ETTh1')
    Exp_Main(parser.parse_args()).train()
