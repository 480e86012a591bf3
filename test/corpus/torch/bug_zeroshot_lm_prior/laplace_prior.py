# Idiom seen in: antolu/zero-shot-language-modeling laplace/boringprior.py
# Idiom seen in: antolu/zero-shot-language-modeling laplace/prior.py
# What it reproduces: the "non-informative" Gaussian prior whose penalty is the plain sum of squares
#   of every trainable parameter, i.e. an L2 weight decay term.
from typing import Union

import torch


class Prior(object):
    """Abstract class to represent any prior to be used with MAP training."""

    def penalty(self, *args) -> torch.Tensor:
        raise NotImplementedError


class GaussianPrior(Prior):
    """A prior with a penalty corresponding to a Gaussian."""

    @classmethod
    def penalty(cls, model: torch.nn.Module, *args) -> Union[torch.Tensor, int]:
        loss = 0
        for n, p in model.named_parameters():
            if p.requires_grad:
                _loss = p ** 2
                loss += _loss.sum()
        return loss
