# Idiom seen in: TsingZ0/PFLlib system/flcore/clients/clientavg.py
# What it reproduces: FedAvg client training loop over the optimizer that clientbase.py builds
# (Adam with coupled weight decay on all parameters).
import time

import numpy as np

from clientbase import Client


class clientAVG(Client):
    def __init__(self, args, id, train_samples, test_samples, **kwargs):
        super().__init__(args, id, train_samples, test_samples, **kwargs)

    def train(self):
        trainloader = self.load_train_data()
        self.model.train()
        start_time = time.time()
        max_local_epochs = self.local_epochs
        for epoch in range(max_local_epochs):
            for i, (x, y) in enumerate(trainloader):
                if type(x) == type([]):
                    x[0] = x[0].to(self.device)
                else:
                    x = x.to(self.device)
                y = y.to(self.device)
                output = self.model(x)
                loss = self.loss(output, y)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
        self.learning_rate_scheduler.step()
        return time.time() - start_time
