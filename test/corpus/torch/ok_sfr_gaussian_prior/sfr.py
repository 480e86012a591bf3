# Idiom seen in: AaltoML/sfr src/nn2svgp/ntksvgp.py
# Idiom seen in: AaltoML/sfr src/nn2svgp/likelihoods.py
# What it reproduces: the model's training objective is negative log likelihood + negative log
#   prior (the Gaussian prior's L2 term), both minimised together. Clean.
import torch
import torch.nn as nn


class GaussianLikelihood(nn.Module):
    def __init__(self, sigma_noise: float = 1.0):
        super().__init__()
        self.sigma_noise = sigma_noise

    def nn_loss(self, f, y):
        return 0.5 * torch.sum((f - y) ** 2) / self.sigma_noise ** 2


class NTKSVGP(nn.Module):
    def __init__(self, network, prior, likelihood, output_dim, num_inducing=50, jitter=1e-4):
        super().__init__()
        self.network = network
        self.prior = prior
        self.likelihood = likelihood
        self.output_dim = output_dim
        self.num_inducing = num_inducing
        self.jitter = jitter

    def set_data(self, data):
        x, _ = data
        self.Z = x[torch.randperm(x.shape[0])[: self.num_inducing]]

    def loss(self, x, y):
        f = self.network(x)
        neg_log_likelihood = self.likelihood.nn_loss(f=f, y=y)
        neg_log_prior = self.prior.nn_loss()
        return neg_log_likelihood + neg_log_prior

    @torch.no_grad()
    def predict_f(self, x):
        return self.network(x)
