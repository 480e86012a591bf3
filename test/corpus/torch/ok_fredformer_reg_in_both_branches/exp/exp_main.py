# Idiom seen in: chenzRG/Fredformer exp/exp_main.py
# Idiom seen in: chenzRG/Fredformer exp/Regularization.py
# What it reproduces: Fredformer's Regularization module (explicit L2 over every 'weight' tensor) added as
#   loss + 0.01 * reg_loss(model) in both the AMP and the fp32 branch before backward, with a plain Adam that has
#   no weight_decay of its own: the penalty is the only decay and it is trained on. Clean.
import time

import numpy as np
import torch
import torch.nn as nn
from torch import optim
from torch.optim import lr_scheduler

from data_provider.data_factory import data_provider
from exp.exp_basic import Exp_Basic
from exp.Regularization import Regularization
from models import Fredformer


class Exp_Main(Exp_Basic):
    def __init__(self, args):
        super(Exp_Main, self).__init__(args)

    def _build_model(self):
        return Fredformer.Model(self.args).float()

    def _select_optimizer(self):
        return optim.Adam(self.model.parameters(), lr=self.args.learning_rate)

    def select_regularization(self):
        self.weight_decay = self.args.cf_weight_decay
        if self.weight_decay > 0:
            self.reg_loss = Regularization(self.model, self.args.cf_weight_decay)

    def train(self, setting):
        train_data, train_loader = data_provider(self.args, 'train')
        model_optim = self._select_optimizer()
        criterion = nn.MSELoss()
        scaler = torch.cuda.amp.GradScaler() if self.args.use_amp else None
        scheduler = lr_scheduler.OneCycleLR(optimizer=model_optim, steps_per_epoch=len(train_loader),
                                            pct_start=self.args.pct_start, epochs=self.args.train_epochs,
                                            max_lr=self.args.learning_rate)
        self.select_regularization()

        for epoch in range(self.args.train_epochs):
            train_loss = []
            self.model.train()
            epoch_time = time.time()
            for i, (batch_x, batch_y, batch_x_mark, batch_y_mark) in enumerate(train_loader):
                model_optim.zero_grad()
                batch_x = batch_x.float().to(self.device)
                batch_y = batch_y[:, -self.args.pred_len:, :].float().to(self.device)
                if self.args.use_amp:
                    with torch.cuda.amp.autocast():
                        outputs = self.model(batch_x)[:, -self.args.pred_len:, :]
                        loss = criterion(outputs, batch_y)
                        if self.weight_decay > 0:
                            loss = loss + 0.01 * self.reg_loss(self.model)
                    scaler.scale(loss).backward()
                    scaler.step(model_optim)
                    scaler.update()
                else:
                    outputs = self.model(batch_x)[:, -self.args.pred_len:, :]
                    loss = criterion(outputs, batch_y)
                    if self.weight_decay > 0:
                        loss = loss + 0.01 * self.reg_loss(self.model)
                    loss.backward()
                    model_optim.step()
                train_loss.append(loss.item())
                scheduler.step()
            print("Epoch: {} cost time: {} | Train Loss: {:.7f}".format(
                epoch + 1, time.time() - epoch_time, np.average(train_loss)))
        return self.model
