# Idiom seen in: amine-bambrik-p8/face-expression-recognition agents/generic.py
# What it reproduces: the "generic agent" that builds model, loader, loss and optimizer from names in the config and
#   trains with the bare CrossEntropy loss; the optimizer comes from rmsprop.optimizer(model, config).
import torch
from torch.nn import CrossEntropyLoss

import rmsprop
from goodfellow_v3 import GoodFellowV3
from dataloaders.fer import FERDataLoader

OPTIMIZERS = {"rmsprop": rmsprop}
MODELS = {"GoodFellowV3": GoodFellowV3}


class GenericAgent:
    def __init__(self, config):
        self.config = config
        self.model = MODELS[self.config.model](self.config)
        self.data_loader = FERDataLoader(self.config)
        self.loss = CrossEntropyLoss()
        optim_m = OPTIMIZERS[self.config.optimizer]
        self.optimizer = getattr(optim_m, "optimizer")(self.model, config)
        self.device = torch.device("cuda" if torch.cuda.is_available() and config.cuda else "cpu")
        self.model = self.model.to(self.device)
        self.current_epoch = 0

    def train(self):
        for epoch in range(1, self.config.max_epoch + 1):
            self.train_one_epoch()
            self.current_epoch += 1

    def train_one_epoch(self):
        self.model.train()
        running_loss = 0.0
        for batch_idx, (data, target) in enumerate(self.data_loader.train_loader):
            data, target = data.to(self.device), target.to(self.device)
            self.optimizer.zero_grad()
            output = self.model(data)
            loss = self.loss(output, target)
            loss.backward()
            self.optimizer.step()
            running_loss += loss.item()
            if batch_idx % self.config.log_interval == self.config.log_interval - 1:
                print("Train Epoch: {} Loss: {:.6f}".format(self.current_epoch,
                                                             running_loss / self.config.log_interval))
                running_loss = 0.0
