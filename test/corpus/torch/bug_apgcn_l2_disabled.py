# Idiom seen in: spindro/AP-GCN AP-GCN_demo.ipynb
# Idiom seen in: spindro/AP-GCN model.py
# What it reproduces: AP-GCN's train(model, optimizer, data, train_halt, weight_decay) with its hand-written
#   weight_decay/2 * L2 on the first layer, put behind an `if weight_decay:` guard in an ablation copy; the only call
#   chain passes config['weight_decay'] = 0.0, so the decay code never runs (user variant; the repo uses 8e-3).
import time
from collections import defaultdict

import numpy as np
import torch
import torch.nn.functional as F
from torch.nn import Dropout, Linear, ModuleList, ReLU
from torch.optim import Adam

from data import get_dataset, set_train_val_test_split
from propagation import AdaptivePropagation
from seeds import gen_seeds, test_seeds


class APGCN(torch.nn.Module):
    def __init__(self, dataset, niter=10, prop_penalty=0.005, hidden=[64], dropout=0.5):
        super(APGCN, self).__init__()
        num_features = [dataset.data.x.shape[1]] + hidden + [dataset.num_classes]
        layers = [Linear(i, o) for i, o in zip(num_features[:-1], num_features[1:])]
        self.prop = AdaptivePropagation(niter, dataset.num_classes)
        self.prop_penalty = prop_penalty
        self.layers = ModuleList(layers)
        self.reg_params = [layers[0].weight]
        self.dropout = Dropout(p=dropout)
        self.act_fn = ReLU()

    def reset_parameters(self):
        self.prop.reset_parameters()
        for layer in self.layers:
            layer.reset_parameters()

    def forward(self, data):
        x, edge_index = data.x, data.edge_index
        for i, layer in enumerate(self.layers):
            x = layer(self.dropout(x))
            if i == len(self.layers) - 1:
                break
            x = self.act_fn(x)
        x, steps, reminders = self.prop(x, edge_index)
        return F.log_softmax(x, dim=1), steps, reminders


def train(model, optimizer, data, train_halt, weight_decay):
    model.train()
    for param in model.prop.parameters():
        param.requires_grad = train_halt
    optimizer.zero_grad()
    logits, steps, reminders = model(data)
    loss = F.nll_loss(logits[data.train_mask], data.y[data.train_mask])
    if weight_decay:  # expect: WD303
        l2_reg = sum((torch.sum(param ** 2) for param in model.reg_params))
        loss = loss + weight_decay / 2 * l2_reg
    loss = loss + model.prop_penalty * (steps[data.train_mask] + reminders[data.train_mask]).mean()
    loss.backward()
    optimizer.step()


def evaluate(model, data):
    model.eval()
    with torch.no_grad():
        logits, steps, reminders = model(data)
        loss = F.nll_loss(logits[data.val_mask], data.y[data.val_mask])
    mask = data.val_mask
    acc = logits[mask].max(1)[1].eq(data.y[mask]).sum().item() / mask.sum().item()
    return acc, loss


def run(dataset, model, seeds, max_epochs=10000, patience=100, lr=0.01, weight_decay=0.0,
        num_development=1500, device='cuda'):
    best_dict = defaultdict(list)
    for seed in seeds:
        torch.manual_seed(seed=gen_seeds())
        dataset.data = set_train_val_test_split(seed, dataset.data, num_development=num_development,
                                                num_per_class=20).to(device)
        model.to(device).reset_parameters()
        optimizer = Adam(model.parameters(), lr=lr)
        patience_counter, best_acc = 0, 0.0
        start_time = time.perf_counter()
        for epoch in range(1, max_epochs + 1):
            if patience_counter == patience:
                break
            train(model, optimizer, dataset.data, epoch % 5 == 0, weight_decay)
            val_acc, val_loss = evaluate(model, dataset.data)
            if val_acc > best_acc:
                best_acc, patience_counter = val_acc, 0
            else:
                patience_counter += 1
        best_dict['val_acc'].append(best_acc)
        best_dict['runtime'].append(time.perf_counter() - start_time)
    return dict(best_dict)


config = {'dataset_name': 'citeseer',
          'use_lcc': True,
          'num_development': 1500,
          'hidden_units': 64,
          'lr': 0.01,
          'dropout': 0.5,
          'weight_decay': 0.0,  # ablation: no L2 on the first layer
          }

if __name__ == '__main__':
    dataset = get_dataset(name=config['dataset_name'], use_lcc=config['use_lcc'])
    model = APGCN(dataset, hidden=[config['hidden_units']], dropout=config['dropout'])
    results = run(dataset, model, test_seeds, lr=config['lr'], weight_decay=config['weight_decay'],
                  num_development=config['num_development'])
    print({k: np.mean(v) for k, v in results.items()})
