# Idiom seen in: LienM/recpack recpack/algorithms/bprmf.py
# What it reproduces: recpack's BPRMF as written: Adagrad without weight_decay and the embedding-norm
# penalties (lambda_h, lambda_w from the constructor) added to the BPR loss that is backpropagated;
# one regularizer, positive, reaching the loss (clean).
import torch
import torch.nn as nn
import torch.optim as optim

from recpack.algorithms.loss_functions import bpr_loss
from recpack.algorithms.samplers import BootstrapSampler
from recpack.datasets import MovieLens25M


class MFModule(nn.Module):
    def __init__(self, num_users, num_items, num_components=100):
        super().__init__()
        self.user_embedding_ = nn.Embedding(num_users, num_components)
        self.item_embedding_ = nn.Embedding(num_items, num_components)
        std = min(1 / num_components ** 0.5, 0.05)
        nn.init.normal_(self.user_embedding_.weight, std=std)
        nn.init.normal_(self.item_embedding_.weight, std=std)

    def forward(self, user_tensor, item_tensor):
        return self.user_embedding_(user_tensor).matmul(self.item_embedding_(item_tensor).T)


class BPRMF:
    def __init__(self, num_components=100, lambda_h=0.0, lambda_w=0.0, batch_size=1000,
                 max_epochs=20, learning_rate=0.01):
        self.num_components = num_components
        self.lambda_h = lambda_h
        self.lambda_w = lambda_w
        self.batch_size = batch_size
        self.max_epochs = max_epochs
        self.learning_rate = learning_rate
        self.sampler = BootstrapSampler(num_negatives=1, batch_size=batch_size)

    def _init_model(self, X):
        num_users, num_items = X.shape
        self.model_ = MFModule(num_users, num_items, num_components=self.num_components)
        self.optimizer = optim.Adagrad(self.model_.parameters(), lr=self.learning_rate)

    def _compute_loss(self, positive_sim, negative_sim):
        loss = bpr_loss(positive_sim, negative_sim)
        loss += (
            self.lambda_h * self.model_.item_embedding_.weight.norm()
            + self.lambda_w * self.model_.user_embedding_.weight.norm()
        )
        return loss

    def fit(self, X):
        self._init_model(X)
        for epoch in range(self.max_epochs):
            for users, target_items, mnar_items in self.sampler.sample(X):
                self.optimizer.zero_grad()
                target_sim = self.model_(users, target_items).diag()
                mnar_sim = self.model_(users, mnar_items.squeeze(-1)).diag()
                loss = self._compute_loss(target_sim, mnar_sim)
                loss.backward()
                self.optimizer.step()
        return self


if __name__ == "__main__":
    X = MovieLens25M("data/ml25m.csv").load().binary_values
    BPRMF(num_components=64, lambda_h=0.001, lambda_w=0.001, max_epochs=10).fit(X)
