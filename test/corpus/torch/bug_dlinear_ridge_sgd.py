# Idiom seen in: cure-lab/LTSF-Linear models/DLinear.py
# Idiom seen in: cure-lab/LTSF-Linear exp/exp_main.py
# What it reproduces: DLinear (seasonal + trend linear heads) for long-term forecasting, trained through an
# exp-style _select_optimizer; user mistake: a ridge-style plain SGD with lr=1.0 and weight_decay=1.0 (alpha), lr*wd = 1.
import argparse

import torch
import torch.nn as nn
from torch import optim

from data_provider.data_factory import data_provider


class moving_avg(nn.Module):
    def __init__(self, kernel_size, stride):
        super(moving_avg, self).__init__()
        self.kernel_size = kernel_size
        self.avg = nn.AvgPool1d(kernel_size=kernel_size, stride=stride, padding=0)

    def forward(self, x):
        front = x[:, 0:1, :].repeat(1, (self.kernel_size - 1) // 2, 1)
        end = x[:, -1:, :].repeat(1, (self.kernel_size - 1) // 2, 1)
        x = torch.cat([front, x, end], dim=1)
        return self.avg(x.permute(0, 2, 1)).permute(0, 2, 1)


class Model(nn.Module):
    def __init__(self, configs):
        super(Model, self).__init__()
        self.seq_len, self.pred_len = configs.seq_len, configs.pred_len
        self.decomp = moving_avg(25, stride=1)
        self.Linear_Seasonal = nn.Linear(self.seq_len, self.pred_len)
        self.Linear_Trend = nn.Linear(self.seq_len, self.pred_len)

    def forward(self, x):
        trend = self.decomp(x)
        seasonal = x - trend
        seasonal_output = self.Linear_Seasonal(seasonal.permute(0, 2, 1))
        trend_output = self.Linear_Trend(trend.permute(0, 2, 1))
        return (seasonal_output + trend_output).permute(0, 2, 1)


parser = argparse.ArgumentParser(description='DLinear ridge baseline')
parser.add_argument('--data', type=str, default='ETTh1')
parser.add_argument('--seq_len', type=int, default=336)
parser.add_argument('--pred_len', type=int, default=96)
parser.add_argument('--train_epochs', type=int, default=10)
parser.add_argument('--learning_rate', type=float, default=1.0)
parser.add_argument('--alpha', type=float, default=1.0, help='ridge penalty, as in sklearn Ridge(alpha)')  # expect: WD301
args = parser.parse_args()


class Exp_Main:
    def __init__(self, args):
        self.args = args
        self.model = Model(args)

    def _select_optimizer(self):
        model_optim = optim.SGD(self.model.parameters(), lr=self.args.learning_rate, weight_decay=self.args.alpha)  # expect: WD203
        return model_optim

    def train(self):
        train_data, train_loader = data_provider(self.args, flag='train')
        model_optim = self._select_optimizer()
        criterion = nn.MSELoss()
        for epoch in range(self.args.train_epochs):
            self.model.train()
            for batch_x, batch_y, _, _ in train_loader:
                model_optim.zero_grad()
                outputs = self.model(batch_x.float())
                loss = criterion(outputs, batch_y[:, -self.args.pred_len:, :].float())
                loss.backward()
                model_optim.step()
        return self.model


if __name__ == '__main__':
    Exp_Main(args).train()
