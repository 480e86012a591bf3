# Idiom seen in: facebookresearch/pycls pycls/core/trainer.py
# Idiom seen in: facebookresearch/pycls pycls/core/optimizer.py
# What it reproduces: the pycls trainer: model from the builder, optimizer from construct_optimizer,
#   per-epoch lr set by hand; with the default config every parameter (BN included) is decayed.
import argparse

import torch

import pycls.core.optimizer as optim
from pycls.core.config import cfg
from pycls.datasets.loader import construct_train_loader
from pycls.models.anynet import AnyNet


def train_epoch(loader, model, loss_fun, optimizer, cur_epoch):
    lr = optim.get_epoch_lr(cur_epoch)
    optim.set_lr(optimizer, lr)
    model.train()
    for cur_iter, (inputs, labels) in enumerate(loader):
        preds = model(inputs)
        loss = loss_fun(preds, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


def train_model():
    model = AnyNet()
    loss_fun = torch.nn.CrossEntropyLoss()
    optimizer = optim.construct_optimizer(model)
    train_loader = construct_train_loader()
    for cur_epoch in range(cfg.OPTIM.MAX_EPOCH):
        loss = train_epoch(train_loader, model, loss_fun, optimizer, cur_epoch)
        print("epoch {} loss {:.4f}".format(cur_epoch, loss))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train a classification model")
    parser.add_argument("--cfg", dest="cfg_file", required=False, type=str)
    args = parser.parse_args()
    train_model()
