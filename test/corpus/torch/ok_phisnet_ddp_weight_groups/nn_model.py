# Idiom seen in: AIRI-Institute/nablaDFT nablaDFT/phisnet/nn/neural_network.py
# What it reproduces: a compact PhiSNet-like model: element embedding, a radial basis module named
#   radial_fn, residual swish MLP blocks (Linear layers with biases) and a Hamiltonian-block readout. No
#   normalization layers.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ExponentialBernsteinRadialBasisFunctions(nn.Module):
    def __init__(self, num_basis_functions, cutoff):
        super().__init__()
        self.cutoff = cutoff
        self.alpha = nn.Parameter(torch.tensor(0.9448630629184640))
        self.register_buffer("k", torch.arange(num_basis_functions).float())

    def forward(self, r):
        x = torch.exp(-self.alpha * r).unsqueeze(-1)
        return x ** self.k * (1 - x) ** (self.k.numel() - 1 - self.k)


class ResidualMLP(nn.Module):
    def __init__(self, num_features, num_residual):
        super().__init__()
        self.blocks = nn.ModuleList([nn.Sequential(nn.Linear(num_features, num_features), nn.SiLU(),
                                                   nn.Linear(num_features, num_features))
                                     for _ in range(num_residual)])

    def forward(self, x):
        for block in self.blocks:
            x = x + block(F.silu(x))
        return x


class NeuralNetwork(nn.Module):
    def __init__(self, max_element=10, num_features=128, num_basis_functions=32, num_residual=2, cutoff=15.0,
                 orbital_block=14):
        super().__init__()
        self.embedding = nn.Embedding(max_element + 1, num_features)
        self.radial_fn = ExponentialBernsteinRadialBasisFunctions(num_basis_functions, cutoff)
        self.radial_linear = nn.Linear(num_basis_functions, num_features, bias=False)
        self.interaction = ResidualMLP(num_features, num_residual)
        self.output = nn.Linear(num_features, orbital_block * orbital_block)
        self.orbital_block = orbital_block

    def forward(self, Z, R, idx_i, idx_j):
        x = self.embedding(Z)
        r = torch.norm(R[idx_j] - R[idx_i], dim=-1)
        g = self.radial_linear(self.radial_fn(r))
        x = x.index_add(0, idx_i, g * x[idx_j])
        x = self.interaction(x)
        return self.output(x).view(-1, self.orbital_block, self.orbital_block)
