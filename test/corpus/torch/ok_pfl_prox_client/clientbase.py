# Idiom seen in: TsingZ0/PFLlib system/flcore/clients/clientbase.py
# What it reproduces: base federated client that keeps the model and its local SGD (no weight decay);
# clientprox.py adds FedProx's proximal term mu/2*||w - w_global||^2, which pulls towards the global
# weights, not towards zero: no weight decay anywhere. Clean.
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
        self.num_classes = args.num_classes
        self.train_samples = train_samples
        self.batch_size = args.batch_size
        self.learning_rate = args.local_learning_rate
        self.local_epochs = args.local_epochs
        self.loss = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=self.learning_rate)

    def load_train_data(self, batch_size=None):
        if batch_size is None:
            batch_size = self.batch_size
        train_data = read_client_data(self.dataset, self.id, is_train=True)
        return DataLoader(train_data, batch_size, drop_last=True, shuffle=True)

    def set_parameters(self, model):
        for new_param, old_param in zip(model.parameters(), self.model.parameters()):
            old_param.data = new_param.data.clone()
