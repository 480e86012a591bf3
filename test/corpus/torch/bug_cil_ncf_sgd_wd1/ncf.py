# Idiom seen in: LiineKasak/collaborative-filtering src/models/ncf.py
# What it reproduces: NCF fits a GMF and an MLP, then fine-tunes their blend alpha*gmf + (1-alpha)*mlp with
# SGD(weight_decay=1) on every parameter: the hand-made scalar alpha, the embeddings and all Linear biases are
# pulled towards 0 by a decay of 1 (real repository code; lr*wd = 0.01, a 1% shrink per step).
import argparse

import torch
import torch.nn as nn
import torch.optim as optim

from fitting import train
from gmf import GMF
from mlp import MLP


class NCF:
    class Model(nn.Module):
        def __init__(self, gmf, mlp):
            super().__init__()
            self.gmf = gmf
            self.mlp = mlp
            self.alpha = nn.Parameter(torch.rand(1, requires_grad=True))

        def forward(self, users, movies):
            return self.alpha * self.gmf(users, movies) + (1 - self.alpha) * self.mlp(users, movies)

    @staticmethod
    def default_params():
        return argparse.Namespace(epochs=2, batch_size=256, learning_rate=0.01)

    def __init__(self, number_of_users, number_of_movies, device, epochs=20, batch_size=128, learning_rate=1e-2):
        self.number_of_users = number_of_users
        self.number_of_movies = number_of_movies
        self.device = device
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.model = None

    def fit(self, train_data, test_data=None):
        gmf = GMF(self.number_of_users, self.number_of_movies, epochs=self.epochs, batch_size=self.batch_size,
                  learning_rate=self.learning_rate, device=self.device)
        gmf.fit(train_data, test_data)
        mlp = MLP(self.number_of_users, self.number_of_movies, num_epochs=self.epochs, batch_size=self.batch_size,
                  learning_rate=self.learning_rate, device=self.device)
        mlp.fit(train_data, test_data)

        self.model = self.Model(gmf.model, mlp.model)
        return train(
            train_data,
            test_data,
            device=self.device,
            model=self.model,
            optimizer=optim.SGD(self.model.parameters(), lr=self.learning_rate, weight_decay=1),  # expect: WD203
            num_epochs=self.epochs,
            batch_size=self.batch_size,
        )
