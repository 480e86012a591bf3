# Idiom seen in: elahekhodaie/DRMADE src/model/deepsvdd/trainers.py
# What it reproduces: DeepSVDDTrainer reading its SGD settings with hparams.get(..., config...) and building
#   SGD(model.encoder.parameters(), lr, momentum, weight_decay). Clean: the encoder has no biases and no
#   affine normalization parameters, so the decay reaches only kernels and weight matrices (the repository
#   used a ResNet with BatchNorm here).
import torch
from torch.optim import SGD, lr_scheduler

import config as model_config
from data import get_cifar10_loader
from model import DeepSVDD


class DeepSVDDTrainer:
    def __init__(self, hparams=dict(), device=None):
        self.device = device or torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.hparams = hparams
        self.train_loader = get_cifar10_loader(
            classes=hparams.get('normal_classes', model_config.normal_classes),
            batch_size=hparams.get('train_batch_size', model_config.train_batch_size))
        self.model = DeepSVDD(hparams.get('latent_size', model_config.latent_size)).to(self.device)
        self.model.init_center(self.train_loader, self.device)

        base_lr = hparams.get('base_lr', model_config.deepsvdd_sgd_base_lr)
        lr_decay = hparams.get('lr_decay', model_config.deepsvdd_sgd_lr_decay)
        lr_schedule = hparams.get('lr_schedule', model_config.deepsvdd_sgd_schedule)
        sgd_momentum = hparams.get('sgd_momentum', model_config.deepsvdd_sgd_momentum)
        sgd_weight_decay = hparams.get('sgd_weight_decay', model_config.deepsvdd_sgd_weight_decay)

        self.optimizer = SGD(self.model.encoder.parameters(), lr=base_lr, momentum=sgd_momentum,
                             weight_decay=sgd_weight_decay)
        self.scheduler = lr_scheduler.MultiplicativeLR(
            self.optimizer, lr_lambda=lambda epoch: 0.1 if (epoch + 1) % lr_schedule == 0 else lr_decay)

    def train(self):
        for epoch in range(self.hparams.get('max_epoch', model_config.max_epoch)):
            self.model.train()
            total = 0.0
            for x, _ in self.train_loader:
                x = x.to(self.device)
                self.optimizer.zero_grad()
                dist = torch.sum((self.model(x) - self.model.center) ** 2, dim=1)
                loss = torch.mean(dist)
                loss.backward()
                self.optimizer.step()
                total += loss.item()
            self.scheduler.step()
            print('epoch %d radius loss %.5f' % (epoch, total / len(self.train_loader)))


if __name__ == '__main__':
    DeepSVDDTrainer(hparams=dict(normal_classes=[3])).train()
