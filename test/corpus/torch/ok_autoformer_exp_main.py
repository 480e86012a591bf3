# Idiom seen in: thuml/Autoformer exp/exp_main.py
# What it reproduces: the long-horizon forecasting experiment class (_build_model / _select_optimizer /
# train with early stopping and lr adjustment); Adam without weight decay, MSE loss, AMP optional. Clean.
import os
import time

import numpy as np
import torch
import torch.nn as nn
from torch import optim

from data_provider.data_factory import data_provider
from exp.exp_basic import Exp_Basic
from models import Autoformer, Informer, Transformer
from utils.tools import EarlyStopping, adjust_learning_rate


class Exp_Main(Exp_Basic):
    def __init__(self, args):
        super(Exp_Main, self).__init__(args)

    def _build_model(self):
        model_dict = {'Autoformer': Autoformer, 'Transformer': Transformer, 'Informer': Informer}
        model = model_dict[self.args.model].Model(self.args).float()
        if self.args.use_multi_gpu and self.args.use_gpu:
            model = nn.DataParallel(model, device_ids=self.args.device_ids)
        return model

    def _get_data(self, flag):
        return data_provider(self.args, flag)

    def _select_optimizer(self):
        model_optim = optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        return model_optim

    def _select_criterion(self):
        return nn.MSELoss()

    def _predict(self, batch_x, batch_y, batch_x_mark, batch_y_mark):
        dec_inp = torch.zeros_like(batch_y[:, -self.args.pred_len:, :]).float()
        dec_inp = torch.cat([batch_y[:, :self.args.label_len, :], dec_inp], dim=1).float().to(self.device)
        outputs = self.model(batch_x, batch_x_mark, dec_inp, batch_y_mark)
        f_dim = -1 if self.args.features == 'MS' else 0
        return outputs[:, -self.args.pred_len:, f_dim:], batch_y[:, -self.args.pred_len:, f_dim:]

    def train(self, setting):
        train_data, train_loader = self._get_data(flag='train')
        path = os.path.join(self.args.checkpoints, setting)
        os.makedirs(path, exist_ok=True)

        train_steps = len(train_loader)
        early_stopping = EarlyStopping(patience=self.args.patience, verbose=True)
        model_optim = self._select_optimizer()
        criterion = self._select_criterion()
        if self.args.use_amp:
            scaler = torch.cuda.amp.GradScaler()

        for epoch in range(self.args.train_epochs):
            train_loss = []
            self.model.train()
            epoch_time = time.time()
            for i, (batch_x, batch_y, batch_x_mark, batch_y_mark) in enumerate(train_loader):
                model_optim.zero_grad()
                batch_x = batch_x.float().to(self.device)
                batch_y = batch_y.float().to(self.device)
                batch_x_mark = batch_x_mark.float().to(self.device)
                batch_y_mark = batch_y_mark.float().to(self.device)
                if self.args.use_amp:
                    with torch.cuda.amp.autocast():
                        outputs, batch_y = self._predict(batch_x, batch_y, batch_x_mark, batch_y_mark)
                        loss = criterion(outputs, batch_y.to(self.device))
                    scaler.scale(loss).backward()
                    scaler.step(model_optim)
                    scaler.update()
                else:
                    outputs, batch_y = self._predict(batch_x, batch_y, batch_x_mark, batch_y_mark)
                    loss = criterion(outputs, batch_y.to(self.device))
                    loss.backward()
                    model_optim.step()
                train_loss.append(loss.item())

            train_loss = np.average(train_loss)
            print("Epoch: {} cost time: {} Steps: {} | Train Loss: {:.7f}".format(
                epoch + 1, time.time() - epoch_time, train_steps, train_loss))
            vali_loss = self.vali(criterion)
            early_stopping(vali_loss, self.model, path)
            if early_stopping.early_stop:
                print("Early stopping")
                break
            adjust_learning_rate(model_optim, epoch + 1, self.args)

        self.model.load_state_dict(torch.load(os.path.join(path, 'checkpoint.pth')))
        return self.model

    def vali(self, criterion):
        vali_data, vali_loader = self._get_data(flag='val')
        total_loss = []
        self.model.eval()
        with torch.no_grad():
            for batch_x, batch_y, batch_x_mark, batch_y_mark in vali_loader:
                outputs, batch_y = self._predict(batch_x.float().to(self.device), batch_y.float(),
                                                 batch_x_mark.float().to(self.device),
                                                 batch_y_mark.float().to(self.device))
                total_loss.append(criterion(outputs.detach().cpu(), batch_y.detach().cpu()).item())
        self.model.train()
        return np.average(total_loss)
