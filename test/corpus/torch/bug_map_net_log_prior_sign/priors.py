# Idiom seen in: JavierAntoran/Bayesian-Neural-Networks src/priors.py
# What it reproduces: the repo's prior objects with a loglike(x) that returns the (negative-quadratic) Gaussian
#   log density; map_model.py uses it only for logging and hand-writes a "fast" log prior with the sign lost.
from __future__ import division

import numpy as np
import torch


class isotropic_gauss_prior(object):
    def __init__(self, mu, sigma):
        self.mu = mu
        self.sigma = sigma
        self.cte_term = -(0.5) * np.log(2 * np.pi)
        self.det_sig_term = -np.log(self.sigma)

    def loglike(self, x, do_sum=True):
        dist_term = -(0.5) * ((x - self.mu) / self.sigma) ** 2
        if do_sum:
            return (self.cte_term + self.det_sig_term + dist_term).sum()
        return self.cte_term + self.det_sig_term + dist_term


class laplace_prior(object):
    def __init__(self, mu, b):
        self.mu = mu
        self.b = b

    def loglike(self, x, do_sum=True):
        out = -np.log(2 * self.b) - torch.abs(x - self.mu) / self.b
        return out.sum() if do_sum else out
