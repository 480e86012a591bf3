# Idiom seen in: TsingZ0/PFLlib system/flcore/clients/clientbase.py
# What it reproduces: user's variant of the repo's base client: every client builds
# torch.optim.Adam on all of its model's parameters with weight_decay from the command line
# (coupled L2 under Adam, WD202; biases and BN decayed, WD203).
import copy

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from utils.data_utils import read_client_data


class Client(object):
    def __init__(self, args, id, train_samples, test_samples, **kwargs):
        self.model = copy.deepcopy(args.model)
        self.dataset = args.dataset
        self.device = args.device
        self.id = id
        self.batch_size = args.batch_size
        self.learning_rate = args.local_learning_rate
        self.local_epochs = args.local_epochs
        self.loss = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.Adam(
            self.model.parameters(),  # expect: WD203
            lr=self.learning_rate,
            weight_decay=args.weight_decay)  # expect: WD202
        self.learning_rate_scheduler = torch.optim.lr_scheduler.ExponentialLR(
            optimizer=self.optimizer, gamma=args.learning_rate_decay_gamma)

    def load_train_data(self, batch_size=None):
        if batch_size is None:
            batch_size = self.batch_size
        train_data = read_client_data(self.dataset, self.id, is_train=True)
        return DataLoader(train_data, batch_size, drop_last=True, shuffle=True)

    def set_parameters(self, model):
        for new_param, old_param in zip(model.parameters(), self.model.parameters()):
            old_param.data = new_param.data.clone()
