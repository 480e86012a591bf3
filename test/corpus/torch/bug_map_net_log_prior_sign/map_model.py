# Idiom seen in: JavierAntoran/Bayesian-Neural-Networks src/Bootstrap_Ensemble/model.py
# Idiom seen in: JavierAntoran/Bayesian-Neural-Networks src/priors.py
# What it reproduces: a MAP network whose objective is NLL - log p(w)/N with the Gaussian prior written by hand.
#   User mistake: the hand-written "log prior" keeps +0.5*prec*sum(w**2) (the minus of the log density was dropped)
#   and is then subtracted from the loss, so the optimizer is rewarded for growing the weights (WD302).
import torch
import torch.nn as nn
import torch.nn.functional as F

from priors import isotropic_gauss_prior


class Linear_2L(nn.Module):
    def __init__(self, input_dim, output_dim, n_hid):
        super(Linear_2L, self).__init__()
        self.input_dim = input_dim
        self.fc1 = nn.Linear(input_dim, n_hid)
        self.fc2 = nn.Linear(n_hid, n_hid)
        self.fc3 = nn.Linear(n_hid, output_dim)
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        x = x.view(-1, self.input_dim)
        return self.fc3(self.act(self.fc2(self.act(self.fc1(x)))))


class MAP_Net(object):
    def __init__(self, lr=1e-2, channels_in=1, side_in=28, cuda=True, classes=10, n_hid=1200,
                 prior_sig=0.1, N_train=60000):
        self.lr = lr
        self.cuda = cuda
        self.N_train = N_train
        self.prior = isotropic_gauss_prior(mu=0, sigma=prior_sig)
        self.prior_prec = 1. / prior_sig ** 2
        self.model = Linear_2L(channels_in * side_in * side_in, classes, n_hid)
        if cuda:
            self.model.cuda()
        # no weight_decay here: the prior is part of the loss
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=self.lr, momentum=0.9)

    def fit(self, x, y):
        if self.cuda:
            x, y = x.cuda(), y.cuda()
        self.optimizer.zero_grad()
        out = self.model(x)
        nll = F.cross_entropy(out, y.long(), reduction='mean')
        # log p(w) of the isotropic Gaussian prior, up to a constant
        log_prior = 0.5 * self.prior_prec * sum((p ** 2).sum() for p in self.model.parameters())
        loss = nll - log_prior / self.N_train  # expect: WD302
        loss.backward()
        self.optimizer.step()
        err = out.data.max(dim=1)[1].ne(y.data).sum()
        return nll.data, err

    def prior_loglike(self):
        with torch.no_grad():
            return sum(self.prior.loglike(p).item() for p in self.model.parameters())
