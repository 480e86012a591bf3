# Idiom seen in: ShravanRavi2002/correlated_distillation logistic_regression.py
# What it reproduces: clean twin of the sklearn-style torch logistic regression: C is mapped to
#   weight_decay = 1/(C * n_samples) (about 2e-4 here), plain SGD lr=0.5, so lr*wd is far below 1, and the
#   intercept is not decayed (as in sklearn).
import numpy as np
import torch
import torch.nn.functional as F

from features import load_features

N_SAMPLES = 10000
C = 0.5

CONFIG = {
    'lr': 0.5,
    'weight_decay': 1.0 / (C * N_SAMPLES),
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
    X, y = torch.from_numpy(X).float(), torch.from_numpy(y).long()
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
            F.cross_entropy(model(X[idx]), y[idx]).backward()
            optimizer.step()
    return model


if __name__ == '__main__':
    X_train, y_train, X_test, y_test = load_features('teacher_feats.npz')
    clf = fit(X_train[:N_SAMPLES], y_train[:N_SAMPLES], CONFIG)
    print(np.mean(clf(torch.from_numpy(X_test).float()).argmax(1).numpy() == y_test))
