# Idiom seen in: LiineKasak/collaborative-filtering src/models/mlp.py
# What it reproduces: the MLP recommender (frozen-or-not embeddings, 16-4-1 Linear stack); fit() uses SGD
# with weight_decay=0, while tune_params() grid-searches Adam(weight_decay=config['weight_decay']) over
# {0, 0.1, 0.5, 0.9}: coupled L2 under Adam on every parameter, Linear biases included (real repo code).
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from ray import tune

from fitting import train


class MLP:
    class Tanh(nn.Module):
        def forward(self, x):
            return torch.tanh(x) * 2 + 3

    class Model(nn.Module):
        def __init__(self, number_of_users, number_of_movies, embedding_size, dropouts, hidden_activation,
                     output_activation):
            super().__init__()
            self.embedding_users = nn.Embedding(number_of_users, embedding_size)
            self.embedding_movies = nn.Embedding(number_of_movies, embedding_size)
            self.output_activation = output_activation
            self.mlp = nn.Sequential(
                nn.Dropout(dropouts[0]), nn.Linear(2 * embedding_size, 16), hidden_activation,
                nn.Dropout(dropouts[1]), nn.Linear(16, 4), hidden_activation,
                nn.Dropout(dropouts[2]), nn.Linear(4, 1),
            )

        def forward(self, users, movies):
            x = torch.cat([self.embedding_users(users), self.embedding_movies(movies)], dim=1)
            return self.output_activation(self.mlp(x)).squeeze()

    @staticmethod
    def default_params():
        return argparse.Namespace(epochs=20, batch_size=256, learning_rate=0.01, device='cpu')

    def __init__(self, number_of_users, number_of_movies, embedding_size=16, num_epochs=20, batch_size=128,
                 learning_rate=1e-2, device='cpu'):
        self.number_of_users = number_of_users
        self.number_of_movies = number_of_movies
        self.embedding_size = embedding_size
        self.device = device
        self.num_epochs = num_epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.model = self.make_model()

    def make_model(self, dropout=(0, 0, 0), hidden_activation=nn.ReLU(), output_activation=Tanh()):
        return self.Model(self.number_of_users, self.number_of_movies, self.embedding_size, dropout,
                          hidden_activation, output_activation).to(self.device)

    def fit(self, train_data, test_data=None):
        return train(train_data, test_data, device=self.device, model=self.model,
                     optimizer=optim.SGD(self.model.parameters(), lr=self.learning_rate, weight_decay=0),
                     num_epochs=self.num_epochs, batch_size=self.batch_size)

    def tune_params(self, train_data, test_data):
        def do_train(config):
            for i in range(5):
                m = self.make_model(config['dropout'], config['activation'])
                rmse, epochs = train(
                    train_data, test_data, device=self.device, model=m,
                    optimizer=optim.Adam(m.parameters(), lr=config['lr'], weight_decay=config['weight_decay']),  # expect: WD202, WD203
                    num_epochs=self.num_epochs, batch_size=config['batch_size'], verbose=False,
                )
                tune.report(rmse=rmse)

        return tune.run(
            do_train,
            mode='min',
            config={
                'lr': tune.grid_search([0.1, 0.01, 0.001]),
                'batch_size': tune.grid_search([32, 64, 128, 256, 512]),
                'dropout': [tune.grid_search([0, 0.1, 0.2])] * 3,
                'weight_decay': tune.grid_search([0, 0.1, 0.5, 0.9]),
                'activation': tune.grid_search([nn.Identity(), nn.ReLU()]),
            },
        )
