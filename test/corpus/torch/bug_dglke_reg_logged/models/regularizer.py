# Idiom seen in: biandh/KDDCup2021_WikiKG90M_OhMyGod examples/lsc/wikikg90m/dgl-ke-ogb-lsc/python/dglke/train_transE_shallow.sh
# Idiom seen in: biandh/KDDCup2021_WikiKG90M_OhMyGod examples/lsc/wikikg90m/dgl-ke-ogb-lsc/python/dglke/models/pytorch/tensor_models.py
# What it reproduces: dgl-ke style KE model with --regularization_coef; the Regularizer returns (reg, log) and
# the user refactor keeps only the log: the embedding penalty never joins the loss that is backpropagated.
import torch as th


class Regularizer(object):
    def __init__(self, coef, norm):
        self.coef = coef
        self.norm = norm

    def __call__(self, params: list):
        log = {}
        reg = 0
        if self.coef != 0:
            for param in params:
                reg += param.norm(p=self.norm) ** self.norm
            reg *= self.coef
            log['regularization'] = reg.detach().item()
        else:
            log['regularization'] = 0
        return reg, log
