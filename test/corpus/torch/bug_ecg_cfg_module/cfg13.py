# Idiom seen in: latte488/pytorch_trainer cfg13.py
# What it reproduces: an experiment config written as a Python module that builds the model and the
#   optimizer itself; SGD(weight_decay=1e-2) on model.parameters() decays every bias of the MLP.
import torch

import trainer
import datasets
from models import DNN

root = 'data/cfg13'
epoch_size = 10
dataset_loader = datasets.ecg('', batch_size=64)
trainer_type = trainer.Classifier
model = DNN(187, 5)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-4, momentum=0.8, weight_decay=1e-2)  # expect: WD203
device = 'cuda:0'
