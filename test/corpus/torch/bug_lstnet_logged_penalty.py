# Idiom seen in: laiguokun/LSTNet main.py
# What it reproduces: LSTNet multivariate time-series forecasting loop (train(data, X, Y, model, criterion, optim,
# batch_size)); user mistake: an L2 penalty added to a total that is only logged while loss.backward() runs on the bare loss.
import argparse
import math
import time

import torch
import torch.nn as nn

from models import LSTNet
from utils import Data_utility
import Optim

parser = argparse.ArgumentParser(description='PyTorch Time series forecasting')
parser.add_argument('--data', type=str, required=True)
parser.add_argument('--hidCNN', type=int, default=100)
parser.add_argument('--hidRNN', type=int, default=100)
parser.add_argument('--window', type=int, default=24 * 7)
parser.add_argument('--epochs', type=int, default=100)
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--lr', type=float, default=0.001)
parser.add_argument('--l2', type=float, default=1e-4)
parser.add_argument('--horizon', type=int, default=12)
parser.add_argument('--optim', type=str, default='adam')
parser.add_argument('--clip', type=float, default=10.)
args = parser.parse_args()


def train(data, X, Y, model, criterion, optim, batch_size):
    model.train()
    total_loss, total_reg, n_samples = 0, 0, 0
    for X, Y in data.get_batches(X, Y, batch_size, True):
        model.zero_grad()
        output = model(X)
        scale = data.scale.expand(output.size(0), data.m)
        loss = criterion(output * scale, Y * scale)
        l2_pen = args.l2 * sum(p.pow(2).sum() for p in model.parameters())  # expect: WD104
        total = loss + l2_pen
        loss.backward()
        grad_norm = optim.step()
        total_loss += total.item()
        total_reg += l2_pen.item()
        n_samples += output.size(0) * data.m
    return total_loss / n_samples, total_reg


Data = Data_utility(args.data, 0.6, 0.2, True, args.horizon, args.window, 2)
model = LSTNet.Model(args, Data)
criterion = nn.MSELoss(size_average=False)
optim = Optim.Optim(model.parameters(), args.optim, args.lr, args.clip)

for epoch in range(1, args.epochs + 1):
    epoch_start_time = time.time()
    train_loss, reg = train(Data, Data.train[0], Data.train[1], model, criterion, optim, args.batch_size)
    print('| end of epoch {:3d} | time: {:5.2f}s | train_loss {:5.4f} | l2 {:5.4f}'.format(
        epoch, (time.time() - epoch_start_time), train_loss, reg))
