# Idiom seen in: lemonhu/NER-BERT-pytorch train.py
# Idiom seen in: lemonhu/NER-BERT-pytorch utils.py
# What it reproduces: the repo builds BERT no_decay groups but hands them to torch.optim.Adam with the key
#   "weight_decay_rate" (ignored by torch); a user who "fixes" the key to "weight_decay" gets coupled L2
#   through Adam on the decayed group (user change to the real code).
import json
import logging
import os
import shutil

import torch


class Params():
    """Loads hyperparameters from a json file: params.learning_rate, params.full_finetuning, ..."""

    def __init__(self, json_path):
        with open(json_path) as f:
            self.__dict__.update(json.load(f))

    def save(self, json_path):
        with open(json_path, 'w') as f:
            json.dump(self.__dict__, f, indent=4)


class RunningAverage():
    def __init__(self):
        self.steps = 0
        self.total = 0

    def update(self, val):
        self.total += val
        self.steps += 1

    def __call__(self):
        return self.total / float(self.steps)


def set_logger(log_path):
    logger = logging.getLogger()
    logger.setLevel(logging.INFO)
    if not logger.handlers:
        logger.addHandler(logging.FileHandler(log_path))
        logger.addHandler(logging.StreamHandler())


def save_checkpoint(state, is_best, checkpoint):
    filepath = os.path.join(checkpoint, 'last.pth.tar')
    os.makedirs(checkpoint, exist_ok=True)
    torch.save(state, filepath)
    if is_best:
        shutil.copyfile(filepath, os.path.join(checkpoint, 'best.pth.tar'))
