# Idiom seen in: latte488/pytorch_trainer cfg13.py
# Idiom seen in: latte488/pytorch_trainer trainer.py
# What it reproduces: an experiment config written as a Python module (imported by the trainer with
#   importlib) that builds the ECG model and an SGD whose weight decay covers only the Linear
#   weight matrices; biases go into a group with weight_decay 0. Clean.
import torch
from torch import nn

import trainer
import datasets


class DNN(nn.Module):
    def __init__(self, input_size, output_size, width=512, depth=4):
        super(DNN, self).__init__()
        layers = [nn.Linear(input_size, width), nn.ReLU(inplace=True)]
        for _ in range(depth - 1):
            layers += [nn.Linear(width, width), nn.ReLU(inplace=True)]
        layers.append(nn.Linear(width, output_size))
        self.linears = nn.Sequential(*layers)

    def forward(self, x):
        return self.linears(x.flatten(1))


def split_decay(module, weight_decay):
    decay, no_decay = [], []
    for m in module.modules():
        if isinstance(m, nn.Linear):
            decay.append(m.weight)
            if m.bias is not None:
                no_decay.append(m.bias)
    return [{'params': decay, 'weight_decay': weight_decay}, {'params': no_decay, 'weight_decay': 0.0}]


root = 'data/cfg14'
epoch_size = 10
dataset_loader = datasets.ecg('', batch_size=64)
trainer_type = trainer.Classifier
model = DNN(187, 5)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(split_decay(model, 5e-4), lr=1e-2, momentum=0.9)
device = 'cuda:0'
