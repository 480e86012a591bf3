# Idiom seen in: cksruf91/recomm-deepfm-pytorch model/deepfm_model.py
# What it reproduces: torchfm-style DeepFM blocks; the FM interaction squares embedding *activations*
#   (sum of squares of x), which is model output, not a weight penalty.
import numpy as np
import torch


class FeaturesLinear(torch.nn.Module):
    def __init__(self, field_dims, output_dim=1):
        super().__init__()
        self.fc = torch.nn.Embedding(sum(field_dims), output_dim)
        self.bias = torch.nn.Parameter(torch.zeros((output_dim,)))
        self.offsets = np.array((0, *np.cumsum(field_dims)[:-1]), dtype=np.int64)

    def forward(self, x):
        x = x + x.new_tensor(self.offsets).unsqueeze(0)
        return torch.sum(self.fc(x), dim=1) + self.bias


class FeaturesEmbedding(torch.nn.Module):
    def __init__(self, field_dims, embed_dim):
        super().__init__()
        self.embedding = torch.nn.Embedding(sum(field_dims), embed_dim)
        self.offsets = np.array((0, *np.cumsum(field_dims)[:-1]), dtype=np.int64)
        torch.nn.init.xavier_uniform_(self.embedding.weight.data)

    def forward(self, x):
        x = x + x.new_tensor(self.offsets).unsqueeze(0)
        return self.embedding(x)


class FactorizationMachine(torch.nn.Module):
    def __init__(self, reduce_sum=True):
        super().__init__()
        self.reduce_sum = reduce_sum

    def forward(self, x):
        square_of_sum = torch.sum(x, dim=1) ** 2
        sum_of_square = torch.sum(x ** 2, dim=1)
        ix = square_of_sum - sum_of_square
        if self.reduce_sum:
            ix = torch.sum(ix, dim=1, keepdim=True)
        return 0.5 * ix


class DeepFactorizationMachineModel(torch.nn.Module):
    def __init__(self, field_dims, multi_hot_size, embed_dim, mlp_dims, dropout, device='cpu'):
        super().__init__()
        self.linear = FeaturesLinear(field_dims)
        self.fm = FactorizationMachine(reduce_sum=True)
        self.embedding = FeaturesEmbedding(field_dims, embed_dim)
        self.genre_w = torch.nn.Parameter(torch.zeros(multi_hot_size, embed_dim))
        torch.nn.init.xavier_uniform_(self.genre_w)
        self.embed_output_dim = (len(field_dims) + 1) * embed_dim
        layers, input_dim = [], self.embed_output_dim
        for d in mlp_dims:
            layers += [torch.nn.Linear(input_dim, d), torch.nn.BatchNorm1d(d), torch.nn.ReLU(),
                       torch.nn.Dropout(p=dropout)]
            input_dim = d
        layers.append(torch.nn.Linear(input_dim, 1))
        self.mlp = torch.nn.Sequential(*layers)
        self.to(device)

    def forward(self, x, genres):
        embed_x = torch.cat([self.embedding(x), (genres @ self.genre_w).unsqueeze(1)], dim=1)
        out = self.linear(x) + self.fm(embed_x) + self.mlp(embed_x.view(-1, self.embed_output_dim))
        return torch.sigmoid(out.squeeze(1))
