# Idiom seen in: hesperusli/digimon_and_pokemon_classify utils/utils.py
# What it reproduces: the step learning-rate helper and checkpoint saving used by train.py.
import shutil

import torch

import config


def adjust_learning_rate(optimizer, epoch):
    lr = config.lr * (config.lr_decay ** (epoch // 30))
    for param_group in optimizer.param_groups:
        param_group["lr"] = lr
    return lr


def save_checkpoint(state, is_best):
    filename = config.weights + config.model + ".pth"
    torch.save(state, filename)
    if is_best:
        shutil.copyfile(filename, config.weights + config.model + "_best.pth")
