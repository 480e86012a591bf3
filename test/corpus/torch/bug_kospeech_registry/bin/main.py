# Idiom seen in: sooftware/kospeech bin/main.py
# What it reproduces: the entry point assembles the experiment config from the recipe dataclasses, wraps
#   DeepSpeech2 in nn.DataParallel and asks get_optimizer(model, config) for its optimizer (findings are
#   reported in kospeech/utils.py, where the registry call passes the parameters and weight_decay).
import random
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn as nn

from kospeech.data.data_loader import split_dataset
from kospeech.data.label_loader import load_dataset
from kospeech.optim import Optimizer
from kospeech.optim.lr_scheduler.tri_stage_lr_scheduler import TriStageLRScheduler
from kospeech.models.deepspeech2 import DeepSpeech2
from kospeech.trainer import DeepSpeech2Config, DeepSpeech2TrainConfig
from kospeech.utils import get_optimizer, get_criterion
from kospeech.vocabs.ksponspeech import KsponSpeechVocabulary


@dataclass
class ExperimentConfig:
    model: DeepSpeech2Config = field(default_factory=DeepSpeech2Config)
    train: DeepSpeech2TrainConfig = field(default_factory=DeepSpeech2TrainConfig)


def train(config: ExperimentConfig):
    random.seed(config.train.seed)
    torch.manual_seed(config.train.seed)
    device = torch.device('cuda' if config.train.use_cuda and torch.cuda.is_available() else 'cpu')

    vocab = KsponSpeechVocabulary('../../../data/vocab/aihub_character_vocabs.csv')
    epoch_time_step, trainset_list, validset = split_dataset(config, config.train.transcripts_path, vocab)

    model = DeepSpeech2(input_dim=80, num_classes=len(vocab), num_rnn_layers=config.model.num_encoder_layers,
                        rnn_hidden_dim=config.model.hidden_dim, dropout_p=config.model.dropout,
                        bidirectional=config.model.use_bidirectional)
    model = nn.DataParallel(model).to(device)

    optimizer = get_optimizer(model, config)
    lr_scheduler = TriStageLRScheduler(
        optimizer=optimizer,
        init_lr=config.train.init_lr,
        peak_lr=config.train.peak_lr,
        final_lr=config.train.final_lr,
        init_lr_scale=config.train.init_lr_scale,
        final_lr_scale=config.train.final_lr_scale,
        warmup_steps=config.train.warmup_steps,
        total_steps=int(config.train.num_epochs * epoch_time_step),
    )
    optimizer = Optimizer(optimizer, lr_scheduler, config.train.warmup_steps, config.train.max_grad_norm)
    criterion = get_criterion(config, vocab)

    for epoch in range(config.train.num_epochs):
        model.train()
        for inputs, targets, input_lengths, target_lengths in trainset_list[0]:
            inputs, targets = inputs.to(device), targets.to(device)
            outputs, output_lengths = model(inputs, input_lengths)
            loss = criterion(outputs.transpose(0, 1), targets[:, 1:], output_lengths, target_lengths)
            loss.backward()
            optimizer.step(model)
            optimizer.zero_grad()
        print('epoch', epoch, 'loss', float(np.mean(loss.item())))
    return model


if __name__ == '__main__':
    train(ExperimentConfig())
