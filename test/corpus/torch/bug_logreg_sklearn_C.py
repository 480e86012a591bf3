# Idiom seen in: ShravanRavi2002/correlated_distillation logistic_regression.py
# What it reproduces: a torch LogisticRegression(nn.Linear) wrapped sklearn-style; the user maps sklearn's C to
#   weight_decay = 1/C = 2.0 but forgets the 1/n_samples of the mean loss. With plain SGD at lr=0.5,
#   lr*wd = 1.0: the decay alone zeroes the weights every step (bias kept out of the decay).
import argparse

import numpy as np
import torch
import torch.nn.functional as F

from features import load_features

torch.set_default_dtype(torch.float64)

CONFIG = {
    'lr': 0.5,
    'C': 0.5,
    'weight_decay': 2.0,  # expect: WD301
    'epochs': 200,
    'batch_size': 256,
}


class LogisticRegression(torch.nn.Module):
    def __init__(self, input_dim, output_dim):
        super(LogisticRegression, self).__init__()
        self.linear = torch.nn.Linear(input_dim, output_dim, bias=True)

    def forward(self, x):
        return self.linear(x)


def fit(X, y, cfg):
    X, y = torch.from_numpy(X), torch.from_numpy(y).long()
    model = LogisticRegression(X.shape[1], int(y.max()) + 1)
    optimizer = torch.optim.SGD([
        {'params': [model.linear.weight], 'weight_decay': cfg['weight_decay']},
        {'params': [model.linear.bias], 'weight_decay': 0.0},
    ], lr=cfg['lr'])
    for epoch in range(cfg['epochs']):
        perm = torch.randperm(X.shape[0])
        for start in range(0, X.shape[0], cfg['batch_size']):
            idx = perm[start:start + cfg['batch_size']]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(X[idx]), y[idx])
            loss.backward()
            optimizer.step()
    return model


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--features', default='teacher_feats.npz')
    args = parser.parse_args()
    X_train, y_train, X_test, y_test = load_features(args.features)
    clf = fit(X_train, y_train, CONFIG)
    with torch.no_grad():
        acc = (clf(torch.from_numpy(X_test)).argmax(1).numpy() == y_test).mean()
    print('test acc %.4f' % acc)
