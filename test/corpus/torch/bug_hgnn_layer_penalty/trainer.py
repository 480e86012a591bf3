# Idiom seen in: ryanlueds/abide-hgnn training_dhg/trainer_dhg.py
# What it reproduces: the Trainer object that gets the optimizer from the script and sums a per-subject loss
#   over the batch; the model's penalty() is added to the batch loss before backward.
import torch
import torch.nn as nn

import config


class Trainer(object):
    def __init__(self, device, optimizer, train_loader, test_loader, criterion=nn.CrossEntropyLoss()):
        self.device = device
        self.optimizer = optimizer
        self.train_loader = train_loader
        self.test_loader = test_loader
        self.criterion = criterion

    def fit(self, model):
        for epoch in range(config.EPOCHS):
            train_loss = self.train_step(model)
            test_loss = self.testing_step(model)
            print(f"epoch {epoch + 1:>3}: train loss {train_loss:.4f}, test loss {test_loss:.4f}")

    def train_step(self, model):
        model.train()
        running = 0.0
        for xs, ys, hgs in self.train_loader:
            self.optimizer.zero_grad()
            batch_loss = 0.0
            for x, y, hg in zip(xs, ys, hgs):
                x, y, hg = x.to(self.device), y.to(self.device).unsqueeze(0), hg.to(self.device)
                batch_loss += self.criterion(model(x, hg), y)
            batch_loss = batch_loss / len(ys) + model.penalty()
            batch_loss.backward()
            self.optimizer.step()
            running += batch_loss.item() * len(ys)
        return running / len(self.train_loader.dataset)

    def testing_step(self, model):
        model.eval()
        running = 0.0
        with torch.no_grad():
            for xs, ys, hgs in self.test_loader:
                for x, y, hg in zip(xs, ys, hgs):
                    x, y, hg = x.to(self.device), y.to(self.device).unsqueeze(0), hg.to(self.device)
                    running += self.criterion(model(x, hg), y).item()
        return running / len(self.test_loader.dataset)
