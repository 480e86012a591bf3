# Idiom seen in: aikunyi/FreTS exp/exp_main.py
# What it reproduces: the Exp_Main trainer whose _select_optimizer builds Adam from self.args; a user added
#   weight_decay=self.args.weight_decay (the repo uses plain Adam): coupled L2 under Adam on every parameter.
import os
import time

import numpy as np
import torch
import torch.nn as nn
from torch import optim

from data_provider.data_factory import data_provider
from exp.exp_basic import Exp_Basic
from models import FreTS
from utils.tools import EarlyStopping, adjust_learning_rate


class Exp_Main(Exp_Basic):
    def __init__(self, args):
        super(Exp_Main, self).__init__(args)

    def _build_model(self):
        model_dict = {'FreTS': FreTS}
        model = model_dict[self.args.model].Model(self.args).float()
        if self.args.use_multi_gpu and self.args.use_gpu:
            model = nn.DataParallel(model, device_ids=self.args.device_ids)
        return model

    def _get_data(self, flag):
        return data_provider(self.args, flag)

    def _select_optimizer(self):
        model_optim = optim.Adam(self.model.parameters(),  # expect: WD203
                                 lr=self.args.learning_rate,
                                 weight_decay=self.args.weight_decay)  # expect: WD202
        return model_optim

    def _select_criterion(self):
        return nn.MSELoss()

    def train(self, setting):
        train_data, train_loader = self._get_data(flag='train')
        vali_data, vali_loader = self._get_data(flag='val')
        path = os.path.join(self.args.checkpoints, setting)
        os.makedirs(path, exist_ok=True)
        early_stopping = EarlyStopping(patience=self.args.patience, verbose=True)
        model_optim = self._select_optimizer()
        criterion = self._select_criterion()

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
                train_loss.append(loss.item())
                loss.backward()
                model_optim.step()
            print("Epoch: {} cost time: {}".format(epoch + 1, time.time() - epoch_time))
            vali_loss = self.vali(vali_loader, criterion)
            early_stopping(vali_loss, self.model, path)
            if early_stopping.early_stop:
                break
            adjust_learning_rate(model_optim, epoch + 1, self.args)
        self.model.load_state_dict(torch.load(path + '/' + 'checkpoint.pth'))
        return self.model

    def vali(self, vali_loader, criterion):
        total_loss = []
        self.model.eval()
        with torch.no_grad():
            for batch_x, batch_y, _, _ in vali_loader:
                outputs = self.model(batch_x.float().to(self.device))
                f_dim = -1 if self.args.features == 'MS' else 0
                pred = outputs[:, -self.args.pred_len:, f_dim:].cpu()
                true = batch_y[:, -self.args.pred_len:, f_dim:].float()
                total_loss.append(criterion(pred, true).item())
        self.model.train()
        return np.average(total_loss)
