# Idiom seen in: jrzaurin/RecoTour mult-vae/models/pytorch_models.py
# What it reproduces: Mult-VAE for collaborative filtering: an encoder stack q_layers producing mu/logvar and
#   a decoder stack p_layers, with input dropout and L2-normalised click vectors.
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiVAE(nn.Module):
    def __init__(self, p_dims, q_dims=None, dropout_enc=0.5, dropout_dec=0.0):
        super(MultiVAE, self).__init__()
        self.p_dims = p_dims
        self.q_dims = q_dims if q_dims else p_dims[::-1]
        temp_q_dims = self.q_dims[:-1] + [self.q_dims[-1] * 2]
        self.q_layers = nn.ModuleList([nn.Linear(d_in, d_out)
                                       for d_in, d_out in zip(temp_q_dims[:-1], temp_q_dims[1:])])
        self.p_layers = nn.ModuleList([nn.Linear(d_in, d_out)
                                       for d_in, d_out in zip(self.p_dims[:-1], self.p_dims[1:])])
        self.drop_enc = nn.Dropout(dropout_enc)
        self.drop_dec = nn.Dropout(dropout_dec)

    def encode(self, X):
        h = self.drop_enc(F.normalize(X))
        for i, layer in enumerate(self.q_layers):
            h = layer(h)
            if i != len(self.q_layers) - 1:
                h = torch.tanh(h)
        mu, logvar = h[:, :self.q_dims[-1]], h[:, self.q_dims[-1]:]
        return mu, logvar

    def sample_z(self, mu, logvar):
        if self.training:
            std = torch.exp(0.5 * logvar)
            return mu + torch.randn_like(std) * std
        return mu

    def decode(self, z):
        h = z
        for i, layer in enumerate(self.p_layers):
            h = self.drop_dec(layer(h)) if i != len(self.p_layers) - 1 else layer(h)
            if i != len(self.p_layers) - 1:
                h = torch.tanh(h)
        return h

    def forward(self, X):
        mu, logvar = self.encode(X)
        return self.decode(self.sample_z(mu, logvar)), mu, logvar
