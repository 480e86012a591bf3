# Idiom seen in: BorealisAI/scaleformer exp/exp_main.py
# What it reproduces: the Exp_Main training step of the Autoformer-family repos with an L2 over the
#   forecaster's weight matrices written into the loss with the wrong sign (subtracted): minimizing the loss
#   grows the weights (a user sign slip; the repo has no L2 term).
import argparse

import torch
import torch.nn as nn
from torch import optim

from data_provider.data_factory import data_provider
from models import Autoformer
from utils.tools import adjust_learning_rate


class Exp_Main(object):
    def __init__(self, args):
        self.args = args
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.model = Autoformer.Model(args).float().to(self.device)

    def _select_optimizer(self):
        return optim.Adam(self.model.parameters(), lr=self.args.learning_rate)

    def _l2_norm(self):
        return sum(p.pow(2).sum() for n, p in self.model.named_parameters() if p.dim() > 1)

    def train(self):
        _, train_loader = data_provider(self.args, 'train')
        model_optim = self._select_optimizer()
        criterion = nn.MSELoss()
        for epoch in range(self.args.train_epochs):
            self.model.train()
            for batch_x, batch_y, batch_x_mark, batch_y_mark in train_loader:
                model_optim.zero_grad()
                batch_x = batch_x.float().to(self.device)
                batch_y = batch_y.float().to(self.device)
                dec_inp = torch.zeros_like(batch_y[:, -self.args.pred_len:, :])
                dec_inp = torch.cat([batch_y[:, :self.args.label_len, :], dec_inp], dim=1)
                outputs = self.model(batch_x, batch_x_mark.float().to(self.device), dec_inp,
                                     batch_y_mark.float().to(self.device))
                loss = criterion(outputs, batch_y[:, -self.args.pred_len:, :])
                loss = loss - self.args.l2_lambda * self._l2_norm()  # expect: WD302
                loss.backward()
                model_optim.step()
            adjust_learning_rate(model_optim, epoch + 1, self.args)
        return self.model


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--seq_len', type=int, default=96)
    parser.add_argument('--label_len', type=int, default=48)
    parser.add_argument('--pred_len', type=int, default=96)
    parser.add_argument('--enc_in', type=int, default=7)
    parser.add_argument('--train_epochs', type=int, default=10)
    parser.add_argument('--learning_rate', type=float, default=1e-4)
    parser.add_argument('--l2_lambda', type=float, default=1e-5)
    parser.add_argument('--lradj', type=str, default='type1')
    Exp_Main(parser.parse_args()).train()
