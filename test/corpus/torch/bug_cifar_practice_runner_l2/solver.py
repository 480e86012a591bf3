# Idiom seen in: zhengyhn/cifar-practice solver.py
# What it reproduces: Solver.train_model + TrainRunner.backward. The user dropped Adam's coupled weight_decay
#   for an explicit L2 term, but the term only reaches the returned (logged) total: loss.backward() runs on
#   the bare cross entropy, so the penalty is computed and discarded (WD104). Realistic mistake, not in the repo.
import os
import math

import torch
import torch.nn as nn
from abc import abstractmethod, ABC
from torch.utils.data import DataLoader
from prefetch_generator import BackgroundGenerator

from dataset import get_cifar_loaders


class DataLoaderX(DataLoader):
    def __iter__(self):
        return BackgroundGenerator(super().__iter__())


class Solver():
    def __init__(self, train_percentage=0.95, train_batch_size=400):
        self.train_percentage = train_percentage
        self.train_batch_size = train_batch_size
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.trainloader, self.validateloader, self.testloader = get_cifar_loaders(
            train_percentage, train_batch_size, loader_cls=DataLoaderX)

    def train_model(self, model, learning_rate=1e-4, epochs=100, num_epoch_to_log=5, l2_lambda=5e-4,
                    warmup_epochs=10, checkpoint=''):
        model = model.to(self.device)
        criterion = nn.CrossEntropyLoss()
        optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
        warm_up_with_cosine_lr = lambda epoch: (epoch + 1) / warmup_epochs if epoch < warmup_epochs else \
            0.5 * (math.cos((epoch - warmup_epochs) / (epochs - warmup_epochs) * math.pi) + 1)
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=warm_up_with_cosine_lr)
        train_runner = TrainRunner(self.device, l2_lambda)
        self.best_model_file = checkpoint + '/best_model.pth'
        if not os.path.exists(checkpoint):
            os.makedirs(checkpoint)
        for epoch in range(epochs):
            total_loss, correct, seen = train_runner.run(model, self.trainloader, criterion, optimizer)
            scheduler.step()
            if epoch % num_epoch_to_log == 0:
                print("Epoch: %d, loss (ce + l2): %.6f, accuracy: %.6f" % (epoch, total_loss, correct / seen))
                torch.save(model.state_dict(), self.best_model_file)


class AbstractRunner(ABC):
    def __init__(self, device):
        self.device = device

    def run(self, model, dataloader, criterion=None, optimizer=None):
        self.set_mode(model)
        total_loss, correct, seen = 0.0, 0, 0
        for inputs, labels in dataloader:
            inputs, labels = inputs.to(self.device), labels.to(self.device)
            with torch.set_grad_enabled(self.is_train()):
                logits = model(inputs)
                _, predicts = torch.max(logits, dim=1)
                loss = self.backward(model, logits, labels, criterion, optimizer)
                if loss is not None:
                    total_loss += loss.item()
            correct += (predicts == labels).sum().item()
            seen += len(labels)
        return total_loss / max(seen, 1), correct, seen

    @abstractmethod
    def set_mode(self, model):
        pass

    def is_train(self):
        return False

    def backward(self, model, outputs, labels, criterion, optimizer):
        return None


class TrainRunner(AbstractRunner):
    def __init__(self, device, l2_lambda):
        super(TrainRunner, self).__init__(device)
        self.l2_lambda = l2_lambda

    def set_mode(self, model):
        model.train()

    def is_train(self):
        return True

    def backward(self, model, outputs, labels, criterion, optimizer):
        loss = criterion(outputs, labels)
        l2_penalty = self.l2_lambda * sum(p.pow(2).sum() for n, p in model.named_parameters() if 'weight' in n)  # expect: WD104
        total = loss + l2_penalty
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return total
