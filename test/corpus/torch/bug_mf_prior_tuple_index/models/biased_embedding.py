# Idiom seen in: cemoody/pytorch-rec models/biased_embedding.py
# What it reproduces: an embedding table plus a per-row bias table; `prior()` is the Gaussian prior of the
#   factor vectors, lv * sum of squares of the vector table (the repo's version squares the sum instead).
# label-note: no label here: prior() is a helper; the decay term that gets thrown away is formed in mf.py.
import torch.nn as nn


class BiasedEmbedding(nn.Module):
    def __init__(self, n_feat, n_dim, lv=1.0, lb=1.0):
        super().__init__()
        self.vect = nn.Embedding(n_feat, n_dim)
        self.bias = nn.Embedding(n_feat, 1)
        self.lv = lv
        self.lb = lb

    def __call__(self, index):
        return self.bias(index).squeeze(), self.vect(index)

    def prior(self):
        return self.vect.weight.pow(2.0).sum() * self.lv
