# Idiom seen in: yoonlight/mf-torch main.py
# Idiom seen in: yoonlight/mf-torch model.py
# What it reproduces: biased matrix factorization with a @dataclass Configs; the user adds an L2 penalty on the
#   looked-up factors behind `if configs.reg > 0:`, but Configs.reg defaults to 0.0 and configs = Configs() never sets
#   it, so the penalty code is dead (realistic leftover in the repo's idiom).
from dataclasses import dataclass
import torch
from torch.utils.data import DataLoader
from tqdm import tqdm

from dataset import RateDataset


class BiasedMatrixFactorization(torch.nn.Module):
    def __init__(self, n_users, n_items, n_factors=20):
        super().__init__()
        self.user_factors = torch.nn.Embedding(n_users, n_factors)
        self.item_factors = torch.nn.Embedding(n_items, n_factors)
        self.user_biases = torch.nn.Embedding(n_users, 1)
        self.item_biases = torch.nn.Embedding(n_items, 1)

    def forward(self, user, item):
        pred = self.user_biases(user) + self.item_biases(item)
        pred += (self.user_factors(user) * self.item_factors(item)).sum(dim=1, keepdim=True)
        return pred.squeeze()


@dataclass
class Configs:
    epochs: int = 30
    batch_size: int = 32
    lr: float = 0.01
    reg: float = 0.0


configs = Configs()

dataset = RateDataset()
user_num = dataset[:][0].max() + 1
item_num = dataset[:][1].max() + 1

model = BiasedMatrixFactorization(user_num, item_num)
criterion = torch.nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=configs.lr)

train_loader = DataLoader(dataset, batch_size=configs.batch_size, shuffle=True)
for epoch in range(configs.epochs):
    loop = tqdm(train_loader)
    for bid, batch in enumerate(loop):
        u, i, r = batch[0], batch[1], batch[2]
        preds = model(u, i)
        loss = criterion(preds, r.float())
        if configs.reg > 0:  # expect: WD303
            reg_loss = configs.reg * (model.user_factors(u).pow(2).sum() + model.item_factors(i).pow(2).sum())
            loss = loss + reg_loss / len(u)

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    print(f'Epoch [{epoch + 1}/{configs.epochs}], Loss: {loss.item():.4f}')
