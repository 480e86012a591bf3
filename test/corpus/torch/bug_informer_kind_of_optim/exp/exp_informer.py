# Idiom seen in: zhouhaoyi/Informer2020 exp/exp_informer.py (the stored version: _select_optimizer switching on
#   self.args.kind_of_optim over AdamW, SparseAdam, SGD, RMSprop, ..., Adam, always with lr only)
# What it reproduces: an optimizer switch where every branch passes only the learning rate, so each optimizer runs
#   with its library default weight decay; the train loop with EarlyStopping and adjust_learning_rate.
# label-note: torch.optim.AdamW defaults to weight_decay=0.01, so the AdamW branch (the default of
#   --kind_of_optim in main_informer.py) decays every parameter, the LayerNorm/BatchNorm weights and all biases
#   included: WD203 on that call's line (the decay is implied). The other branches default to weight_decay=0.
import os

import numpy as np
import torch
import torch.nn as nn
from torch import optim

from data.data_loader import data_provider
from exp.exp_basic import Exp_Basic
from models.informer import Informer
from utils.tools import EarlyStopping, adjust_learning_rate


class Exp_Informer(Exp_Basic):
    def _build_model(self):
        model_dict = {'informer': Informer}
        args = self.args
        return model_dict[args.model](args.enc_in, args.c_out, args.seq_len, args.pred_len, args.d_model,
                                      args.n_heads, args.e_layers, args.d_ff, args.dropout, args.distil).float()

    def _select_optimizer(self):
        if self.args.kind_of_optim == 'AdamW':
            model_optim = optim.AdamW(self.model.parameters(), lr=self.args.learning_rate)  # expect: WD203
        elif self.args.kind_of_optim == 'SGD':
            model_optim = optim.SGD(self.model.parameters(), lr=self.args.learning_rate)
        elif self.args.kind_of_optim == 'RMSprop':
            model_optim = optim.RMSprop(self.model.parameters(), lr=self.args.learning_rate)
        elif self.args.kind_of_optim == 'Adagrad':
            model_optim = optim.Adagrad(self.model.parameters(), lr=self.args.learning_rate)
        else:
            model_optim = optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        return model_optim

    def train(self, setting):
        train_data, train_loader = data_provider(self.args, flag='train')
        vali_data, vali_loader = data_provider(self.args, flag='val')
        path = os.path.join(self.args.checkpoints, setting)
        os.makedirs(path, exist_ok=True)
        early_stopping = EarlyStopping(patience=self.args.patience, verbose=True)
        model_optim = self._select_optimizer()
        criterion = nn.MSELoss()
        for epoch in range(self.args.train_epochs):
            self.model.train()
            train_loss = []
            for batch_x, batch_y, batch_x_mark, batch_y_mark in train_loader:
                model_optim.zero_grad()
                pred = self.model(batch_x.float().to(self.device), batch_x_mark.float().to(self.device))
                true = batch_y[:, -self.args.pred_len:, :].float().to(self.device)
                loss = criterion(pred, true)
                train_loss.append(loss.item())
                loss.backward()
                model_optim.step()
            vali_loss = self.vali(vali_loader, criterion)
            print("Epoch: {} | Train Loss: {:.7f} Vali Loss: {:.7f}".format(epoch + 1, np.average(train_loss), vali_loss))
            early_stopping(vali_loss, self.model, path)
            if early_stopping.early_stop:
                break
            adjust_learning_rate(model_optim, epoch + 1, self.args)
        self.model.load_state_dict(torch.load(os.path.join(path, 'checkpoint.pth')))
        return self.model

    @torch.no_grad()
    def vali(self, vali_loader, criterion):
        self.model.eval()
        losses = [criterion(self.model(bx.float().to(self.device), bxm.float().to(self.device)),
                            by[:, -self.args.pred_len:, :].float().to(self.device)).item()
                  for bx, by, bxm, bym in vali_loader]
        return float(np.average(losses))
