# Idiom seen in: CILAB-UrbanData/MTGBench exp/exp_prediction.py
# What it reproduces: _select_optimizer picks the optimizer by the --learner string; the AdamW branch reads
#   adamw_weight_decay (0.01 by default) and decays all of self.model.parameters(), LayerNorm and biases
#   included (WD203). The other branches build their optimizers without decay.
import time

import numpy as np
import torch
import torch.nn as nn

from exp_basic import Exp_Basic
from data_provider.data_factory import data_provider
from utils.tools import EarlyStopping


class ExpPrediction(Exp_Basic):
    def __init__(self, args):
        super(ExpPrediction, self).__init__(args)

    def _select_optimizer(self):
        if self.args.learner.lower() == 'adam':
            optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        elif self.args.learner.lower() == 'sgd':
            optimizer = torch.optim.SGD(self.model.parameters(), lr=self.args.learning_rate)
        elif self.args.learner.lower() == 'rmsprop':
            optimizer = torch.optim.RMSprop(self.model.parameters(), lr=self.args.learning_rate)
        elif self.args.learner.lower() == 'adamw':
            beta1 = getattr(self.args, "adamw_beta1", 0.9)
            beta2 = getattr(self.args, "adamw_beta2", 0.999)
            weight_decay = getattr(self.args, "adamw_weight_decay", 0.01)
            optimizer = torch.optim.AdamW(self.model.parameters(), lr=self.args.learning_rate, betas=(beta1, beta2), weight_decay=weight_decay)  # expect: WD203
        else:
            optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        return optimizer

    def train(self, setting):
        train_data, train_loader = data_provider(self.args, 'train')
        vali_data, vali_loader = data_provider(self.args, 'val')
        early_stopping = EarlyStopping(patience=self.args.patience, verbose=True)
        model_optim = self._select_optimizer()
        criterion = nn.MSELoss()
        for epoch in range(self.args.train_epochs):
            self.model.train()
            train_loss = []
            epoch_time = time.time()
            for flow, adj, target in train_loader:
                model_optim.zero_grad()
                pred = self.model(flow.float().to(self.device), adj.float().to(self.device))
                loss = criterion(pred, target.float().to(self.device))
                train_loss.append(loss.item())
                loss.backward()
                model_optim.step()
            vali_loss = self.vali(vali_loader, criterion)
            print("Epoch: {} cost time: {:.1f} | Train Loss: {:.5f} Vali Loss: {:.5f}".format(
                epoch + 1, time.time() - epoch_time, np.average(train_loss), vali_loss))
            early_stopping(vali_loss, self.model, setting)
            if early_stopping.early_stop:
                break
        return self.model

    def vali(self, vali_loader, criterion):
        self.model.eval()
        total_loss = []
        with torch.no_grad():
            for flow, adj, target in vali_loader:
                pred = self.model(flow.float().to(self.device), adj.float().to(self.device))
                total_loss.append(criterion(pred, target.float().to(self.device)).item())
        return np.average(total_loss)
