# Idiom seen in: zongyi-li/fourier_neural_operator fourier_1d.py
# What it reproduces: the 1D Fourier Neural Operator for Burgers is trained with
#   Adam(model.parameters(), lr=0.001, weight_decay=1e-4): coupled L2 under Adam (WD202) on one group that
#   decays the lifting/projection biases, the 1x1 conv biases and the BatchNorm1d parameters (WD203).
#   The 'l2' in the loop is LpLoss, a relative L2 error of the outputs, not a weight penalty.
from functools import partial
from timeit import default_timer

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from utilities3 import MatReader, LpLoss

torch.manual_seed(0)
np.random.seed(0)


class SpectralConv1d(nn.Module):
    def __init__(self, in_channels, out_channels, modes1):
        super(SpectralConv1d, self).__init__()
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.modes1 = modes1
        self.scale = (1 / (in_channels * out_channels))
        self.weights1 = nn.Parameter(self.scale * torch.rand(in_channels, out_channels, self.modes1, dtype=torch.cfloat))

    def forward(self, x):
        batchsize = x.shape[0]
        x_ft = torch.fft.rfft(x)
        out_ft = torch.zeros(batchsize, self.out_channels, x.size(-1) // 2 + 1, device=x.device, dtype=torch.cfloat)
        out_ft[:, :, :self.modes1] = torch.einsum("bix,iox->box", x_ft[:, :, :self.modes1], self.weights1)
        return torch.fft.irfft(out_ft, n=x.size(-1))


class SimpleBlock1d(nn.Module):
    def __init__(self, modes, width):
        super(SimpleBlock1d, self).__init__()
        self.modes1 = modes
        self.width = width
        self.fc0 = nn.Linear(2, self.width)
        self.convs = nn.ModuleList([SpectralConv1d(self.width, self.width, self.modes1) for _ in range(4)])
        self.ws = nn.ModuleList([nn.Conv1d(self.width, self.width, 1) for _ in range(4)])
        self.bns = nn.ModuleList([torch.nn.BatchNorm1d(self.width) for _ in range(4)])
        self.fc1 = nn.Linear(self.width, 128)
        self.fc2 = nn.Linear(128, 1)

    def forward(self, x):
        x = self.fc0(x).permute(0, 2, 1)
        for i, (conv, w, bn) in enumerate(zip(self.convs, self.ws, self.bns)):
            x = bn(conv(x) + w(x))
            if i < 3:
                x = F.relu(x)
        x = x.permute(0, 2, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


class Net1d(nn.Module):
    def __init__(self, modes, width):
        super(Net1d, self).__init__()
        self.conv1 = SimpleBlock1d(modes, width)

    def forward(self, x):
        return self.conv1(x).squeeze()


ntrain, ntest = 1000, 100
sub = 2 ** 3
s = 2 ** 13 // sub
batch_size = 20
learning_rate = 0.001
epochs = 500
step_size = 100
gamma = 0.5
modes = 16
width = 64

dataloader = MatReader('data/burgers_data_R10.mat')
x_data = dataloader.read_field('a')[:, ::sub]
y_data = dataloader.read_field('u')[:, ::sub]
x_train, y_train = x_data[:ntrain, :], y_data[:ntrain, :]
x_test, y_test = x_data[-ntest:, :], y_data[-ntest:, :]

grid = torch.tensor(np.linspace(0, 2 * np.pi, s).reshape(1, s, 1), dtype=torch.float)
x_train = torch.cat([x_train.reshape(ntrain, s, 1), grid.repeat(ntrain, 1, 1)], dim=2)
x_test = torch.cat([x_test.reshape(ntest, s, 1), grid.repeat(ntest, 1, 1)], dim=2)
train_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x_train, y_train), batch_size=batch_size, shuffle=True)
test_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x_test, y_test), batch_size=batch_size, shuffle=False)

model = Net1d(modes, width)
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=1e-4)  # expect: WD202, WD203
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_size, gamma=gamma)

myloss = LpLoss(size_average=False)
for ep in range(epochs):
    model.train()
    t1 = default_timer()
    train_mse, train_l2 = 0, 0
    for x, y in train_loader:
        optimizer.zero_grad()
        out = model(x)
        mse = F.mse_loss(out, y, reduction='mean')
        l2 = myloss(out.view(batch_size, -1), y.view(batch_size, -1))
        l2.backward()
        optimizer.step()
        train_mse += mse.item()
        train_l2 += l2.item()
    scheduler.step()

    model.eval()
    test_l2 = 0.0
    with torch.no_grad():
        for x, y in test_loader:
            out = model(x)
            test_l2 += myloss(out.view(batch_size, -1), y.view(batch_size, -1)).item()
    print(ep, default_timer() - t1, train_mse / len(train_loader), train_l2 / ntrain, test_l2 / ntest)
