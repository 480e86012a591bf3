# Idiom seen in: BorealisAI/scaleformer exp/exp_main.py
# What it reproduces: Scaleformer's _select_optimizer(additional_params=None) building one Adam over
#   list(self.model.parameters()) + additional_params (the adaptive robust loss's alpha/scale latents);
#   a user added weight_decay from self.args (the repo has none): coupled L2 that also pulls the adaptive
#   loss's latent shape and scale and every bias/LayerNorm of the forecaster towards zero.
import numpy as np
import torch
import torch.nn as nn
from torch import optim
from robust_loss_pytorch import AdaptiveLossFunction

from data_provider.data_factory import data_provider
from exp.exp_basic import Exp_Basic
from models import Autoformer, FEDformer, Informer
from utils.tools import EarlyStopping, adjust_learning_rate


class Exp_Main(Exp_Basic):
    def __init__(self, args):
        super(Exp_Main, self).__init__(args)

    def _build_model(self):
        model_dict = {'Autoformer': Autoformer, 'Informer': Informer, 'FEDformer': FEDformer}
        model = model_dict[self.args.model].Model(self.args).float()
        if self.args.use_multi_gpu and self.args.use_gpu:
            model = nn.DataParallel(model, device_ids=self.args.device_ids)
        return model

    def _select_optimizer(self, additional_params=None):
        if additional_params is not None:
            model_optim = optim.Adam(list(self.model.parameters()) + additional_params,  # expect: WD203
                                     lr=self.args.learning_rate,
                                     weight_decay=self.args.weight_decay)  # expect: WD202
        else:
            model_optim = optim.Adam(self.model.parameters(),  # expect: WD203
                                     lr=self.args.learning_rate,
                                     weight_decay=self.args.weight_decay)  # expect: WD202
        return model_optim

    def train(self, setting):
        train_data, train_loader = data_provider(self.args, 'train')
        vali_data, vali_loader = data_provider(self.args, 'val')
        if self.args.loss == 'adaptive':
            adaptive = AdaptiveLossFunction(1, torch.float32, self.device, alpha_hi=3.0)
            criterion = adaptive.lossfun
            model_optim = self._select_optimizer(additional_params=list(adaptive.parameters()))
        else:
            criterion = nn.MSELoss(reduction='none')
            model_optim = self._select_optimizer()
        early_stopping = EarlyStopping(patience=self.args.patience, verbose=True)

        for epoch in range(self.args.train_epochs):
            self.model.train()
            for batch_x, batch_y, batch_x_mark, batch_y_mark in train_loader:
                model_optim.zero_grad()
                batch_x = batch_x.float().to(self.device)
                batch_y = batch_y.float().to(self.device)
                dec_inp = torch.zeros_like(batch_y[:, -self.args.pred_len:, :]).float()
                dec_inp = torch.cat([batch_y[:, :self.args.label_len, :], dec_inp], dim=1).to(self.device)
                outputs = self.model(batch_x, batch_x_mark.float().to(self.device), dec_inp,
                                     batch_y_mark.float().to(self.device))
                batch_y = batch_y[:, -self.args.pred_len:, :]
                if self.args.loss == 'adaptive':
                    loss = criterion((outputs - batch_y).flatten().unsqueeze(-1)).mean()
                else:
                    loss = criterion(outputs, batch_y).mean()
                loss.backward()
                model_optim.step()
            vali_loss = self.vali(vali_loader)
            early_stopping(vali_loss, self.model, setting)
            if early_stopping.early_stop:
                break
            adjust_learning_rate(model_optim, epoch + 1, self.args)
        return self.model

    def vali(self, vali_loader):
        losses = []
        self.model.eval()
        with torch.no_grad():
            for batch_x, batch_y, batch_x_mark, batch_y_mark in vali_loader:
                batch_y = batch_y.float()
                dec_inp = torch.zeros_like(batch_y[:, -self.args.pred_len:, :])
                dec_inp = torch.cat([batch_y[:, :self.args.label_len, :], dec_inp], dim=1).to(self.device)
                out = self.model(batch_x.float().to(self.device), batch_x_mark.float().to(self.device), dec_inp,
                                 batch_y_mark.float().to(self.device))
                losses.append(nn.functional.mse_loss(out.cpu(), batch_y[:, -self.args.pred_len:, :]).item())
        self.model.train()
        return np.average(losses)
