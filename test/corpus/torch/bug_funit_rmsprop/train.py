# Idiom seen in: NVlabs/FUNIT train.py
# What it reproduces: the training entry point builds Trainer(config) and alternates dis/gen updates;
# the decay lives in trainer.py's RMSprop optimizers (weight_decay from config.py).
import argparse

import torch

from config import hp as config
from trainer import Trainer
from utils import get_train_loaders

parser = argparse.ArgumentParser()
parser.add_argument('--output_path', type=str, default='.')
parser.add_argument('--multigpus', action='store_true')
opts = parser.parse_args()

trainer = Trainer(config)
if torch.cuda.is_available():
    trainer.cuda()
loaders = get_train_loaders(config)
train_content_loader, train_class_loader = loaders[0], loaders[1]

iterations = 0
while iterations < config['max_iter']:
    for co_data, cl_data in zip(train_content_loader, train_class_loader):
        d_acc = trainer.dis_update(co_data, cl_data, config)
        g_acc = trainer.gen_update(co_data, cl_data, config)
        trainer.update_learning_rate()
        if (iterations + 1) % 100 == 0:
            print("Iteration: %08d/%08d" % (iterations + 1, config['max_iter']))
        iterations += 1
        if iterations >= config['max_iter']:
            break
