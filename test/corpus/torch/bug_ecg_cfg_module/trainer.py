# Idiom seen in: latte488/pytorch_trainer trainer.py
# What it reproduces: the generic trainer that imports a cfg module by name (importlib) and uses the
#   model/criterion/optimizer objects the config already built.
import argparse
import os
from importlib import import_module

import torch
from torch.utils.tensorboard import SummaryWriter


class Trainer:
    def __init__(self, cfg):
        self.model = cfg.model.to(cfg.device)
        self.criterion = cfg.criterion
        self.optimizer = cfg.optimizer
        self.device = cfg.device

    def accuracy(self, outputs, labels):
        raise NotImplementedError

    def _do(self, loader, begin_update, end_update):
        total_loss, total_accuracy = 0, 0
        for inputs, labels in loader:
            inputs, labels = inputs.to(self.device), labels.to(self.device)
            begin_update()
            outputs = self.model(inputs)
            loss = self.criterion(outputs, labels)
            end_update(loss)
            total_loss += loss.item()
            total_accuracy += self.accuracy(outputs, labels)
        return total_loss / len(loader), 100. * total_accuracy / len(loader)

    def train(self, loader):
        def begin_update():
            self.optimizer.zero_grad()

        def end_update(loss):
            loss.backward()
            self.optimizer.step()
        self.model.train()
        return self._do(loader, begin_update, end_update)


class Classifier(Trainer):
    def accuracy(self, outputs, labels):
        return outputs.max(1)[1].eq(labels).sum().item() / labels.size(0)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--cfg', type=str, help='module name')
    args = parser.parse_args()
    cfg = import_module(args.cfg.replace('/', '.')[:-3])
    trainer = cfg.trainer_type(cfg)
    writer = SummaryWriter(os.path.join(cfg.root, 'runs'))
    for epoch in range(cfg.epoch_size):
        train_loader, test_loader = cfg.dataset_loader
        train_loss, train_accuracy = trainer.train(train_loader)
        writer.add_scalar('Loss/Train', train_loss, epoch + 1)
    writer.close()
