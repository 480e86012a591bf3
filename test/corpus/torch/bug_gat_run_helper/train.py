# Idiom seen in: marblet/gat-pytorch train.py
# Idiom seen in: marblet/gat-pytorch main.py
# What it reproduces: a run(data, model, lr, weight_decay) helper that rebuilds Adam over all of
#   model.parameters() for every repetition: coupled L2 under Adam, also on biases and attention vectors.
import torch
import torch.nn.functional as F
from torch.optim import Adam
from copy import deepcopy
from numpy import mean, std

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


class EarlyStopping:
    def __init__(self, patience):
        self.patience = patience
        self.counter = 0
        self.best_val_loss = float('inf')
        self.state_dict = None

    def check(self, evals, model):
        if evals['val_loss'] < self.best_val_loss:
            self.best_val_loss = evals['val_loss']
            self.counter = 0
            self.state_dict = deepcopy(model.state_dict())
        else:
            self.counter += 1
        if self.counter >= self.patience:
            model.load_state_dict(self.state_dict)
            return True
        return False


def train(model, optimizer, data):
    model.train()
    optimizer.zero_grad()
    output = model(data)
    loss = F.nll_loss(output[data.train_mask], data.labels[data.train_mask])
    loss.backward()
    optimizer.step()


def evaluate(model, data):
    model.eval()
    with torch.no_grad():
        output = model(data)
    outputs = {}
    for key in ['train', 'val', 'test']:
        mask = getattr(data, '{}_mask'.format(key))
        outputs['{}_loss'.format(key)] = F.nll_loss(output[mask], data.labels[mask]).item()
        pred = output[mask].max(dim=1)[1]
        outputs['{}_acc'.format(key)] = pred.eq(data.labels[mask]).sum().item() / mask.sum().item()
    return outputs


def run(data, model, lr, weight_decay, epochs=100000, niter=100, patience=100):
    data.to(device)
    test_acc_list = []
    for _ in range(niter):
        optimizer = Adam(model.parameters(), lr=lr, weight_decay=weight_decay)  # expect: WD202, WD203
        model.to(device).reset_parameters()
        stop_checker = EarlyStopping(patience)
        for epoch in range(1, epochs + 1):
            train(model, optimizer, data)
            evals = evaluate(model, data)
            if stop_checker.check(evals, model):
                break
        test_acc_list.append(evaluate(model, data)['test_acc'])
    print("mean", mean(test_acc_list))
    print("std", std(test_acc_list))
    return {'test_acc': mean(test_acc_list), 'test_acc_std': std(test_acc_list)}
