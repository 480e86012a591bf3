# Idiom seen in: LiineKasak/collaborative-filtering src/models/gmf.py
# What it reproduces: generalized matrix factorization over (SVD-initialised) embeddings with a biased
# output layer, trained with plain SGD and no decay.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim

from fitting import train


class GMF:
    class Model(nn.Module):
        def __init__(self, number_of_users, number_of_movies, embedding_size):
            super().__init__()
            self.embedding_users = nn.Embedding(number_of_users, embedding_size)
            self.embedding_movies = nn.Embedding(number_of_movies, embedding_size)
            self.weights = nn.Linear(in_features=embedding_size, out_features=1)

        def forward(self, users, movies):
            product = self.embedding_users(users) * self.embedding_movies(movies)
            return torch.sigmoid(self.weights(product).squeeze()) * 4 + 1

    @staticmethod
    def default_params():
        return argparse.Namespace(epochs=20, batch_size=256, learning_rate=0.01, device='cpu')

    def __init__(self, number_of_users, number_of_movies, embedding_size=16, epochs=20, batch_size=128,
                 learning_rate=1e-2, device='cpu'):
        self.device = device
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.model = self.Model(number_of_users, number_of_movies, embedding_size).to(device)

    def fit(self, train_data, test_data=None):
        return train(train_data, test_data, device=self.device, model=self.model,
                     optimizer=optim.SGD(self.model.parameters(), lr=self.learning_rate),
                     num_epochs=self.epochs, batch_size=self.batch_size)
