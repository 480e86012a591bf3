# Idiom seen in: cybisolated/WAG-NAT expr/ozone/lstm/L_out24.sh
# What it reproduces: LSTM ozone forecaster trained with AdamW whose decay group holds the LSTM/linear weight
# matrices, plus a hand-written L2 on the same 'weight' tensors kept from an older script: double decay.
import argparse

import torch
import torch.nn as nn

from data.ozone import get_ozone_loaders  # not in this workspace

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='ozone')
parser.add_argument('--L_in', type=int, default=48)
parser.add_argument('--L_out', type=int, default=24)
parser.add_argument('--hidden_size', type=int, default=64)
parser.add_argument('--num_layers', type=int, default=1)
parser.add_argument('--lr', type=float, default=0.0001)
parser.add_argument('--weight_decay', type=float, default=0.01)
parser.add_argument('--l2_reg', type=float, default=1e-4)
parser.add_argument('--epochs', type=int, default=50)
args = parser.parse_args()


class LSTMForecaster(nn.Module):
    def __init__(self, n_features, hidden_size, num_layers, L_out):
        super().__init__()
        self.lstm = nn.LSTM(n_features, hidden_size, num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, L_out)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


train_loader, valid_loader, n_features = get_ozone_loaders(args.L_in, args.L_out, batch_size=64)
model = LSTMForecaster(n_features, args.hidden_size, args.num_layers, args.L_out)

decay = [p for n, p in model.named_parameters() if 'weight' in n]
no_decay = [p for n, p in model.named_parameters() if 'weight' not in n]
optimizer = torch.optim.AdamW([
    {'params': decay, 'weight_decay': args.weight_decay},
    {'params': no_decay, 'weight_decay': 0.0},
], lr=args.lr)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.1)
criterion = nn.MSELoss()

for epoch in range(args.epochs):
    model.train()
    for x, y in train_loader:
        pred = model(x)
        reg = sum(torch.sum(p ** 2) for n, p in model.named_parameters() if 'weight' in n)  # expect: WD201
        loss = criterion(pred, y) + args.l2_reg * reg
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    scheduler.step()
    print('epoch', epoch, 'train mse', loss.item())
