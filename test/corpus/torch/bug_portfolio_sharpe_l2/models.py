# Idiom seen in: dimasthoriq/DL-portfolio-optimization models.py
# Idiom seen in: dimasthoriq/DL-portfolio-optimization train.py
# What it reproduces: the "Deep Learning for Portfolio Optimization" allocator: an LSTM over asset
#   features whose softmax output is the portfolio weights, trained on the negative Sharpe ratio.
import torch
import torch.nn as nn


class DLS(nn.Module):
    def __init__(self, n_assets, n_features, hidden_size=64, num_layers=1, dropout=0.0):
        super(DLS, self).__init__()
        self.n_assets = n_assets
        self.lstm = nn.LSTM(input_size=n_assets * n_features, hidden_size=hidden_size,
                            num_layers=num_layers, batch_first=True, dropout=dropout)
        self.fc = nn.Linear(hidden_size, n_assets)

    def forward(self, x):
        out, _ = self.lstm(x)
        return torch.softmax(self.fc(out[:, -1, :]), dim=-1)
