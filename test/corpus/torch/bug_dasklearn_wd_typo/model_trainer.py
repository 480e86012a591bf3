# Idiom seen in: sacs-epfl/decentralized-learning-simulator dasklearn/model_trainer.py
# Idiom seen in: sacs-epfl/decentralized-learning-simulator dasklearn/models/MovieLens.py
# What it reproduces: the per-node trainer (local steps of plain SGD from the settings) and the MovieLens matrix
#   factorization model (embedding tables only).
import logging
import torch
from torch import nn
from torch.nn import MSELoss

from sgd import SGDOptimizer
from session_settings import SessionSettings
from dasklearn.datasets import create_dataset


class MatrixFactorization(nn.Module):
    def __init__(self, num_users=610, num_items=9724, dim=20):
        super().__init__()
        self.user_embedding = nn.Embedding(num_users, dim)
        self.item_embedding = nn.Embedding(num_items, dim)

    def forward(self, data):
        users, items = data[:, 0], data[:, 1]
        return (self.user_embedding(users) * self.item_embedding(items)).sum(dim=1)


class ModelTrainer:
    def __init__(self, data_dir, settings: SessionSettings, participant_index: int):
        self.logger = logging.getLogger(self.__class__.__name__)
        self.settings = settings
        self.participant_index = participant_index
        self.train_dir = data_dir
        self.dataset = None

    def train(self, model, device_name="cpu") -> int:
        if not self.dataset:
            self.dataset = create_dataset(self.settings, participant_index=self.participant_index,
                                          train_dir=self.train_dir)
        device = torch.device(device_name)
        model = model.to(device)
        optimizer = SGDOptimizer(model, self.settings.learning.learning_rate,
                                 self.settings.learning.momentum, self.settings.learning.weight_decay)
        self.logger.info("local steps %d (lr: %f, wd: %f)", self.settings.learning.local_steps,
                         self.settings.learning.learning_rate, self.settings.learning.weight_decay)
        samples = 0
        lossf = MSELoss()
        for _ in range(self.settings.learning.local_steps):
            data, target = next(iter(self.dataset.get_trainset(batch_size=self.settings.learning.batch_size,
                                                               shuffle=True)))
            model.train()
            data, target = data.to(device), target.to(device)
            samples += len(data)
            optimizer.optimizer.zero_grad()
            loss = lossf(model(data), target.float())
            loss.backward()
            optimizer.optimizer.step()
        return samples
