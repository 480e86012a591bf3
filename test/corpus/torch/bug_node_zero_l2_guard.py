# Idiom seen in: Qwicen/node lib/trainer.py
# What it reproduces: NODE's Trainer extended with an explicit L2 on the response tensors, guarded by
#   `if self.l2_reg > 0:`; both trainers this script builds pass l2_reg=0.0, so the decay branch is dead
#   while the script looks regularized (a user change in the repo's idiom).
import torch
import torch.nn as nn
import torch.nn.functional as F
from qhoptim.pyt import QHAdam

import data
from arch import DenseBlock, Lambda


class Trainer(nn.Module):
    def __init__(self, model, loss_function, Optimizer=torch.optim.Adam, optimizer_params={}, l2_reg=0.0):
        super().__init__()
        self.model = model
        self.loss_function = loss_function
        self.l2_reg = l2_reg
        self.opt = Optimizer(list(self.model.parameters()), **optimizer_params)
        self.step = 0

    def train_on_batch(self, x_batch, y_batch, device):
        x_batch = torch.as_tensor(x_batch, device=device)
        y_batch = torch.as_tensor(y_batch, device=device)
        self.model.train()
        self.opt.zero_grad()
        loss = self.loss_function(self.model(x_batch), y_batch).mean()
        if self.l2_reg > 0:  # expect: WD303
            l2 = sum(p.pow(2).sum() for name, p in self.model.named_parameters() if 'response' in name)
            loss = loss + self.l2_reg * l2
        loss.backward()
        self.opt.step()
        self.step += 1
        return {'loss': loss}


device = 'cuda' if torch.cuda.is_available() else 'cpu'
dataset = data.Dataset('EPSILON', random_state=1337, quantile_transform=True)
in_features = dataset.X_train.shape[1]

shallow = nn.Sequential(DenseBlock(in_features, 2048, num_layers=1, tree_dim=3, depth=6, flatten_output=False),
                        Lambda(lambda x: x[..., :2].mean(dim=-2))).to(device)
deep = nn.Sequential(DenseBlock(in_features, 1024, num_layers=8, tree_dim=3, depth=6, flatten_output=False),
                     Lambda(lambda x: x[..., :2].mean(dim=-2))).to(device)

trainers = [
    Trainer(shallow, F.cross_entropy, Optimizer=QHAdam,
            optimizer_params=dict(nus=(0.7, 1.0), betas=(0.95, 0.998)), l2_reg=0.0),
    Trainer(deep, F.cross_entropy, Optimizer=QHAdam,
            optimizer_params=dict(nus=(0.7, 1.0), betas=(0.95, 0.998)), l2_reg=0.0),
]

for trainer in trainers:
    for step, batch in enumerate(data.iterate_minibatches(dataset.X_train, dataset.y_train, batch_size=512,
                                                          shuffle=True, epochs=float('inf'))):
        trainer.train_on_batch(*batch, device=device)
        if step > 10000:
            break
