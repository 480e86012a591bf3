# Idiom seen in: sarthakm402/controlled_lab core/scripts/train_logistics.py
# What it reproduces: full-batch logistic regression with plain SGD(lr=0.5); a user "adds ridge like
# sklearn" by passing weight_decay=2.0 (realistic edit: sklearn's alpha / 1/C scale, not PyTorch's):
# lr * wd = 1.0, so decay alone zeroes the weights every step; the bias is decayed as well.
import argparse

import pandas as pd
import torch
import torch.nn as nn

LR = 0.5
WEIGHT_DECAY = 2.0  # expect: WD301

parser = argparse.ArgumentParser()
parser.add_argument("--csv", default="data/churn_features.csv")
parser.add_argument("--target", default="churned")
parser.add_argument("--steps", type=int, default=1000)
args = parser.parse_args()

torch.manual_seed(1)
frame = pd.read_csv(args.csv)
y = torch.tensor(frame.pop(args.target).values, dtype=torch.float32).unsqueeze(1)
x = torch.tensor(frame.values, dtype=torch.float32)
x = (x - x.mean(0)) / (x.std(0) + 1e-6)

model = nn.Linear(x.shape[1], 1)
criterion = nn.BCEWithLogitsLoss()
optimiser = torch.optim.SGD(model.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)  # expect: WD203

for steps in range(args.steps):
    pred = model(x)
    loss = criterion(pred, y)
    loss.backward()
    optimiser.step()
    optimiser.zero_grad()
    if steps % 100 == 0:
        with torch.no_grad():
            acc = ((pred > 0).float() == y).float().mean().item()
        print(f"step {steps} | loss {loss.item():.4f} | acc {acc:.3f} | |W| {model.weight.norm().item():.4f}")
