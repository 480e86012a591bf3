# Idiom seen in: chenxijun1029/DeepFM_with_PyTorch model/DeepFM.py
# What it reproduces: DeepFM with per-field embedding lists, setattr-built linear_i / batchNorm_i layers
#   and a fit(loader_train, loader_val, optimizer) method that receives the optimizer from the caller;
#   the squared embeddings in forward are FM activations, not a penalty.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DeepFM(nn.Module):
    def __init__(self, feature_sizes, embedding_size=4, hidden_dims=[32, 32], num_classes=1,
                 dropout=[0.5, 0.5], use_cuda=True):
        super().__init__()
        self.field_size = len(feature_sizes)
        self.embedding_size = embedding_size
        self.hidden_dims = hidden_dims
        self.dtype = torch.long
        self.bias = torch.nn.Parameter(torch.randn(1))
        self.device = torch.device('cuda' if use_cuda and torch.cuda.is_available() else 'cpu')
        self.fm_first_order_embeddings = nn.ModuleList([nn.Embedding(s, 1) for s in feature_sizes])
        self.fm_second_order_embeddings = nn.ModuleList([nn.Embedding(s, embedding_size) for s in feature_sizes])
        all_dims = [self.field_size * embedding_size] + hidden_dims + [num_classes]
        for i in range(1, len(hidden_dims) + 1):
            setattr(self, 'linear_' + str(i), nn.Linear(all_dims[i - 1], all_dims[i]))
            setattr(self, 'batchNorm_' + str(i), nn.BatchNorm1d(all_dims[i]))
            setattr(self, 'dropout_' + str(i), nn.Dropout(dropout[i - 1]))

    def forward(self, Xi, Xv):
        first = [(torch.sum(emb(Xi[:, i, :]), 1).t() * Xv[:, i]).t()
                 for i, emb in enumerate(self.fm_first_order_embeddings)]
        fm_first_order = torch.cat(first, 1)
        second = [(torch.sum(emb(Xi[:, i, :]), 1).t() * Xv[:, i]).t()
                  for i, emb in enumerate(self.fm_second_order_embeddings)]
        sum_second = sum(second)
        fm_second_order = (sum_second * sum_second - sum([item * item for item in second])) * 0.5
        deep_out = torch.cat(second, 1)
        for i in range(1, len(self.hidden_dims) + 1):
            deep_out = getattr(self, 'linear_' + str(i))(deep_out)
            deep_out = getattr(self, 'batchNorm_' + str(i))(deep_out)
            deep_out = getattr(self, 'dropout_' + str(i))(deep_out)
        return torch.sum(fm_first_order, 1) + torch.sum(fm_second_order, 1) + torch.sum(deep_out, 1) + self.bias

    def fit(self, loader_train, loader_val, optimizer, epochs=100, verbose=False, print_every=100):
        model = self.train().to(device=self.device)
        criterion = F.binary_cross_entropy_with_logits
        for _ in range(epochs):
            for t, (xi, xv, y) in enumerate(loader_train):
                xi = xi.to(device=self.device, dtype=self.dtype)
                xv = xv.to(device=self.device, dtype=torch.float)
                y = y.to(device=self.device, dtype=torch.float)
                loss = criterion(model(xi, xv), y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                if verbose and t % print_every == 0:
                    print('Iteration %d, loss = %.4f' % (t, loss.item()))
