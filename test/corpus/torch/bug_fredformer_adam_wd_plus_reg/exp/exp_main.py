# Idiom seen in: chenzRG/Fredformer exp/exp_main.py
# Idiom seen in: chenzRG/Fredformer exp/Regularization.py
# What it reproduces: Fredformer's Regularization module (an explicit L2 over every 'weight' tensor, added as
#   loss + 0.01 * reg_loss(model)) kept after the user also gave Adam weight_decay=args.weight_decay (a realistic
#   mistake; the real repo's Adam has no decay): the weights are decayed twice, coupled under Adam, biases/norms too.
import os
import time

import numpy as np
import torch
import torch.nn as nn
from torch import optim

from data_provider.data_factory import data_provider
from exp.exp_basic import Exp_Basic
from exp.Regularization import Regularization
from models import Fredformer
from utils.tools import EarlyStopping


class Exp_Main(Exp_Basic):
    def __init__(self, args):
        super(Exp_Main, self).__init__(args)

    def _build_model(self):
        model = Fredformer.Model(self.args).float()
        if self.args.use_multi_gpu and self.args.use_gpu:
            model = nn.DataParallel(model, device_ids=self.args.device_ids)
        return model

    def _get_data(self, flag):
        data_set, data_loader = data_provider(self.args, flag)
        return data_set, data_loader

    def _select_optimizer(self):
        model_optim = optim.Adam(self.model.parameters(), lr=self.args.learning_rate, weight_decay=self.args.weight_decay)  # expect: WD202, WD203
        return model_optim

    def select_regularization(self):
        self.weight_decay = self.args.cf_weight_decay
        if self.weight_decay > 0:
            self.reg_loss = Regularization(self.model, self.args.cf_weight_decay).to(self.device)

    def train(self, setting):
        train_data, train_loader = self._get_data(flag='train')
        path = os.path.join(self.args.checkpoints, setting)
        os.makedirs(path, exist_ok=True)
        early_stopping = EarlyStopping(patience=self.args.patience, verbose=True)

        model_optim = self._select_optimizer()
        criterion = nn.MSELoss()
        self.select_regularization()

        for epoch in range(self.args.train_epochs):
            train_loss = []
            self.model.train()
            epoch_time = time.time()
            for i, (batch_x, batch_y, batch_x_mark, batch_y_mark) in enumerate(train_loader):
                model_optim.zero_grad()
                batch_x = batch_x.float().to(self.device)
                batch_y = batch_y.float().to(self.device)

                outputs = self.model(batch_x)
                f_dim = -1 if self.args.features == 'MS' else 0
                outputs = outputs[:, -self.args.pred_len:, f_dim:]
                batch_y = batch_y[:, -self.args.pred_len:, f_dim:]
                loss = criterion(outputs, batch_y)
                if self.weight_decay > 0:
                    loss = loss + 0.01 * self.reg_loss(self.model)
                train_loss.append(loss.item())

                loss.backward()
                model_optim.step()

            print("Epoch: {} cost time: {} | Train Loss: {:.7f}".format(
                epoch + 1, time.time() - epoch_time, np.average(train_loss)))
            early_stopping(np.average(train_loss), self.model, path)
            if early_stopping.early_stop:
                break
        return self.model
