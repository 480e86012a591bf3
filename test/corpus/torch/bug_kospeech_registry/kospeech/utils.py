# Idiom seen in: sooftware/kospeech kospeech/utils.py
# What it reproduces: get_optimizer looks the optimizer class up in a registry by the config's name and calls
#   it with model.module.parameters() (the model is wrapped in DataParallel) and the config's weight_decay.
#   With "adam" that is coupled L2 under Adam (WD202) on one group that also decays the BatchNorm, GRU and
#   fc biases of DeepSpeech2 (WD203).
import torch.nn as nn
from torch import optim

from kospeech.optim.radam import RAdam
from kospeech.optim.adamp import AdamP
from kospeech.optim.novograd import Novograd


def get_optimizer(model: nn.Module, config):
    supported_optimizer = {
        'adam': optim.Adam,
        'radam': RAdam,
        'adamp': AdamP,
        'adadelta': optim.Adadelta,
        'adagrad': optim.Adagrad,
        'novograd': Novograd,
    }
    assert config.train.optimizer.lower() in supported_optimizer.keys(), \
        f"Unsupported Optimizer: {config.train.optimizer}\n" \
        f"Supported Optimizer: {supported_optimizer.keys()}"

    return supported_optimizer[config.train.optimizer](
        model.module.parameters(),  # expect: WD203
        lr=config.train.init_lr,
        weight_decay=config.train.weight_decay,  # expect: WD202
    )


def get_criterion(config, vocab) -> nn.Module:
    return nn.CTCLoss(blank=vocab.blank_id, reduction=config.train.reduction, zero_infinity=True)
