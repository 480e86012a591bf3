# Idiom seen in: AaltoML/sfr src/nn2svgp/priors.py
# Idiom seen in: AaltoML/sfr src/nn2svgp/ntksvgp.py
# Idiom seen in: AaltoML/sfr src/nn2svgp/train_regression.py
# What it reproduces: MAP training of a regression net with a Gaussian prior object on the weights
#   (delta * 0.5 * sum w^2) and Adam without weight_decay; a user mistake in that idiom (the repo
#   adds the term): the negative log prior is subtracted, so the "prior" grows the weights.
import logging

import torch
import torch.nn as nn

logger = logging.getLogger(__name__)


class GaussianPrior(nn.Module):
    def __init__(self, params, delta: float = 0.001):
        super().__init__()
        self.params = params
        self.delta = delta

    def nn_loss(self):
        squared_params = torch.cat([torch.square(param.view(-1)) for param in self.params()])
        l2r = 0.5 * torch.sum(squared_params)
        return self.delta * l2r


class GaussianLikelihood(nn.Module):
    def __init__(self, sigma_noise: float = 1.0):
        super().__init__()
        self.sigma_noise = sigma_noise

    def nn_loss(self, f, y):
        return 0.5 * torch.sum((f - y) ** 2) / self.sigma_noise ** 2


class MAPRegressor(nn.Module):
    def __init__(self, network, prior, likelihood):
        super().__init__()
        self.network = network
        self.prior = prior
        self.likelihood = likelihood

    def loss(self, x, y):
        f = self.network(x)
        neg_log_likelihood = self.likelihood.nn_loss(f=f, y=y)
        neg_log_prior = self.prior.nn_loss()
        return neg_log_likelihood - neg_log_prior  # expect: WD302


def train(model, data, num_epochs=2500, batch_size=16, learning_rate=1e-2):
    data_loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*data), batch_size=batch_size)
    model.train()
    optimizer = torch.optim.Adam([{"params": model.parameters()}], lr=learning_rate)
    for epoch_idx in range(num_epochs):
        for x, y in data_loader:
            loss = model.loss(x, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        logger.info("Epoch: {} | Loss: {}".format(epoch_idx, loss.item()))


if __name__ == "__main__":
    torch.manual_seed(42)
    X_train = torch.rand((200, 1)) * 2
    Y_train = torch.sin(X_train * 5) / X_train + torch.cos(X_train * 10)
    network = nn.Sequential(nn.Linear(1, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, 1))
    prior = GaussianPrior(params=network.parameters, delta=0.00005)
    model = MAPRegressor(network, prior, GaussianLikelihood(sigma_noise=2))
    train(model, (X_train, Y_train), batch_size=X_train.shape[0])
