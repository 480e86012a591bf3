# Idiom seen in: dsgiitr/d2l-pytorch Ch06_Multilayer_Perceptrons/Weight_Decay.ipynb
# What it reproduces: the course notebook as a script: from scratch, lambd * l2_penalty(w) is added
#   to the loss that backward() differentiates and a hand-written sgd() steps (no optimizer decay);
#   concise version, weight_decay=wd only on the weight group, the bias has its own undecayed
#   optimizer (lr*wd = 0.003*3 = 0.009). Clean.
import sys
sys.path.insert(0, '..')

import d2l
import torch
import torch.nn as nn
import torch.utils.data

n_train, n_test, num_inputs = 20, 100, 200
true_w, true_b = torch.ones(size=(num_inputs, 1)) * 0.01, torch.tensor(0.05)

features = torch.randn(size=(n_train + n_test, num_inputs))
labels = torch.matmul(features, true_w) + true_b
labels.add_(torch.empty(size=labels.shape).normal_(0, std=0.01))
train_features, test_features = features[:n_train, :], features[n_train:, :]
train_labels, test_labels = labels[:n_train], labels[n_train:]


def init_params():
    w = torch.randn(size=(num_inputs, 1), requires_grad=True)
    b = torch.zeros((1,), requires_grad=True)
    return [w, b]


def l2_penalty(w):
    return torch.sum(w.pow(2)) / 2


def sgd(params, lr, batch_size):
    for param in params:
        param.data.sub_(lr * param.grad / batch_size)
        param.grad.data.zero_()


batch_size, num_epochs, lr = 1, 100, 0.003
net, loss = d2l.linreg, d2l.squared_loss
train_iter = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(train_features, train_labels), batch_size, shuffle=True)


def fit_and_plot(lambd):
    w, b = init_params()
    train_ls, test_ls = [], []
    for _ in range(num_epochs):
        for X, y in train_iter:
            l = loss(net(X, w, b), y) + lambd * l2_penalty(w)
            l.sum().backward()
            sgd([w, b], lr, batch_size)
        with torch.no_grad():
            train_ls.append(loss(net(train_features, w, b), train_labels).mean().item())
            test_ls.append(loss(net(test_features, w, b), test_labels).mean().item())
    d2l.semilogy(range(1, num_epochs + 1), train_ls, 'epochs', 'loss',
                 range(1, num_epochs + 1), test_ls, ['train', 'test'])
    print('l2 norm of w:', w.norm().item())


def fit_and_plot_pytorch(wd):
    net = nn.Linear(num_inputs, 1)
    nn.init.normal_(net.weight, mean=0, std=1)
    nn.init.normal_(net.bias, mean=0, std=1)
    loss = nn.MSELoss()
    trainer_w = torch.optim.SGD(params=[net.weight], lr=lr, weight_decay=wd)
    trainer_b = torch.optim.SGD(params=[net.bias], lr=lr)
    train_ls, test_ls = [], []
    for _ in range(num_epochs):
        for X, y in train_iter:
            l = loss(net(X), y)
            trainer_w.zero_grad()
            trainer_b.zero_grad()
            l.backward()
            trainer_w.step()
            trainer_b.step()
        with torch.no_grad():
            train_ls.append(loss(net(train_features), train_labels).item())
            test_ls.append(loss(net(test_features), test_labels).item())
    d2l.semilogy(range(1, num_epochs + 1), train_ls, 'epochs', 'loss',
                 range(1, num_epochs + 1), test_ls, ['train', 'test'])
    print('L2 norm of w:', net.weight.norm().item())


fit_and_plot(lambd=0)
fit_and_plot(lambd=3)
fit_and_plot_pytorch(0)
fit_and_plot_pytorch(3)
