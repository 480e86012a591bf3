# Idiom seen in: Qwicen/node lib/trainer.py
# What it reproduces: a Trainer that takes the optimizer class and its params from the caller and builds
#   it over list(self.model.parameters()); the caller gives QHAdam with no weight decay: clean.
import os

import torch
import torch.nn as nn
from tensorboardX import SummaryWriter


class Trainer(nn.Module):
    def __init__(self, model, loss_function, experiment_name=None, warm_start=False,
                 Optimizer=torch.optim.Adam, optimizer_params={}, verbose=False, **kwargs):
        super().__init__()
        self.model = model
        self.loss_function = loss_function
        self.verbose = verbose
        self.opt = Optimizer(list(self.model.parameters()), **optimizer_params)
        self.step = 0
        self.experiment_path = os.path.join('logs/', experiment_name or 'untitled')
        self.writer = SummaryWriter(self.experiment_path, comment=experiment_name)

    def train_on_batch(self, *batch, device):
        x_batch, y_batch = batch
        x_batch = torch.as_tensor(x_batch, device=device)
        y_batch = torch.as_tensor(y_batch, device=device)

        self.model.train()
        self.opt.zero_grad()
        loss = self.loss_function(self.model(x_batch), y_batch).mean()
        loss.backward()
        self.opt.step()
        self.step += 1
        self.writer.add_scalar('train loss', loss.item(), self.step)
        return {'loss': loss}

    def evaluate_mse(self, X_test, y_test, device, batch_size=4096):
        X_test = torch.as_tensor(X_test, device=device)
        self.model.train(False)
        with torch.no_grad():
            prediction = torch.cat([self.model(X_test[i:i + batch_size])
                                    for i in range(0, len(X_test), batch_size)])
        return ((torch.as_tensor(y_test, device=device) - prediction) ** 2).mean().item()
