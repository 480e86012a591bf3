# Idiom seen in: angryhen/pytorch_classification lib/optimizer.py
# What it reproduces: config-driven optimizer builder (Adam/SGD from a config object); the decay is guarded by the
# config's weight_decay, which the config module sets to 0.0 and nothing overrides, so the decayed branch is dead (WD303).
# The optimizer code and values are written here in the repository's idiom; the real code was not seen to have this mistake.
import torch
import torch.nn as nn
import torchvision
from easydict import EasyDict as edict

from lib.dataset import build_loader

config = edict()
config.train = edict()
config.train.epochs = 60
config.train.optimizer = edict()
config.train.optimizer.method = 'sgd'
config.train.scheduler = edict()
config.train.scheduler.base_lr = 0.01
config.train.scheduler.weight_decay = 0.0


def get_optimizer(config, model):
    sched = config.train.scheduler
    if sched.weight_decay > 0:  # expect: WD303
        optimizer = torch.optim.SGD(model.parameters(), lr=sched.base_lr,
                                    weight_decay=sched.weight_decay, momentum=0.9, nesterov=True)
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=sched.base_lr, momentum=0.9, nesterov=True)
    return optimizer


def main():
    model = torchvision.models.resnet18(num_classes=5)
    optimizer = get_optimizer(config, model)
    criterion = nn.CrossEntropyLoss()
    train_loader = build_loader(config, split='train')
    for epoch in range(config.train.epochs):
        model.train()
        for images, labels in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
