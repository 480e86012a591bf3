# Idiom seen in: TsingZ0/PFLlib system/flcore/clients/clientprox.py
# What it reproduces: FedProx client; the proximal term is a squared distance to the frozen global
# parameters added to the loss, trained by the base client's plain SGD (no weight_decay). Clean.
import copy
import time

import torch

from clientbase import Client


class clientProx(Client):
    def __init__(self, args, id, train_samples, test_samples, **kwargs):
        super().__init__(args, id, train_samples, test_samples, **kwargs)
        self.mu = args.mu
        self.global_params = copy.deepcopy(list(self.model.parameters()))

    def train(self):
        trainloader = self.load_train_data()
        start_time = time.time()
        self.model.train()
        for epoch in range(self.local_epochs):
            for x, y in trainloader:
                x, y = x.to(self.device), y.to(self.device)
                output = self.model(x)
                loss = self.loss(output, y)
                prox = 0.0
                for w, w_t in zip(self.model.parameters(), self.global_params):
                    prox = prox + (w - w_t.detach()).norm(2) ** 2
                loss = loss + self.mu / 2 * prox
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
        return time.time() - start_time

    def set_parameters(self, model):
        for new_param, global_param, param in zip(model.parameters(), self.global_params, self.model.parameters()):
            global_param.data = new_param.data.clone()
            param.data = new_param.data.clone()
