# Idiom seen in: TsingZ0/PFLlib system/flcore/clients/clientditto.py
# What it reproduces: Ditto-style client with a personalized model; the local regularization is a
# hand-written L2 penalty added to the loss, and both local optimizers are plain SGD WITHOUT
# weight_decay, so each weight is decayed exactly once. Clean.
import copy
import time

import torch
import torch.nn as nn

from flcore.clients.clientbase import Client


class clientDittoL2(Client):
    def __init__(self, args, id, train_samples, test_samples, **kwargs):
        super().__init__(args, id, train_samples, test_samples, **kwargs)
        self.l2_lambda = args.l2_lambda
        self.plocal_epochs = args.plocal_epochs
        self.pmodel = copy.deepcopy(self.model)
        self.loss = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=self.learning_rate)
        self.poptimizer = torch.optim.SGD(self.pmodel.parameters(), lr=self.learning_rate)

    def ptrain(self):
        trainloader = self.load_train_data()
        start_time = time.time()
        self.pmodel.train()
        for epoch in range(self.plocal_epochs):
            for x, y in trainloader:
                x, y = x.to(self.device), y.to(self.device)
                output = self.pmodel(x)
                loss = self.loss(output, y)
                l2 = sum(p.pow(2).sum() for p in self.pmodel.parameters())
                loss = loss + self.l2_lambda / 2 * l2
                self.poptimizer.zero_grad()
                loss.backward()
                self.poptimizer.step()
        self.train_time_cost['total_cost'] += time.time() - start_time

    def train(self):
        trainloader = self.load_train_data()
        self.model.train()
        for epoch in range(self.local_epochs):
            for x, y in trainloader:
                x, y = x.to(self.device), y.to(self.device)
                loss = self.loss(self.model(x), y)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
