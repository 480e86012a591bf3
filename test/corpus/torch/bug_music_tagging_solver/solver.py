# Idiom seen in: minzwon/sota-music-tagging-models training/solver.py
# Idiom seen in: minzwon/sota-music-tagging-models training/model.py
# What it reproduces: the real Solver: Adam(self.model.parameters(), lr, weight_decay=1e-4) (coupled L2
#   under Adam, biases and BatchNorm included), then after 80 epochs a switch to
#   SGD(self.model.parameters(), 0.001, momentum=0.9, weight_decay=1e-4, nesterov=True).
import os
import time
import datetime

import numpy as np
import torch
import torch.nn as nn
from torch.utils.tensorboard import SummaryWriter

import model as Model


class Solver(object):
    def __init__(self, data_loader, config):
        self.data_loader = data_loader
        self.dataset = config.dataset
        self.n_epochs = config.n_epochs
        self.lr = config.lr
        self.model_save_path = config.model_save_path
        self.model_load_path = config.model_load_path
        self.log_step = config.log_step
        self.model_type = config.model_type
        self.is_cuda = torch.cuda.is_available()
        self.build_model()
        self.writer = SummaryWriter()

    def get_model(self):
        if self.model_type == 'fcn':
            return Model.FCN()
        raise ValueError(self.model_type)

    def build_model(self):
        self.model = self.get_model()
        if self.is_cuda:
            self.model.cuda()
        if len(self.model_load_path) > 1:
            self.load(self.model_load_path)
        # optimizers
        self.optimizer = torch.optim.Adam(self.model.parameters(), self.lr, weight_decay=1e-4)  # expect: WD202, WD203

    def load(self, filename):
        self.model.load_state_dict(torch.load(filename))

    def train(self):
        start_t = time.time()
        current_optimizer = 'adam'
        reconst_loss = nn.BCELoss()
        drop_counter = 0
        for epoch in range(self.n_epochs):
            drop_counter += 1
            self.model.train()
            for ctr, (x, y) in enumerate(self.data_loader):
                if self.is_cuda:
                    x, y = x.cuda(), y.cuda()
                out = self.model(x)
                loss = reconst_loss(out, y)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
                if (ctr + 1) % self.log_step == 0:
                    print("[%s] Epoch [%d/%d] Iter [%d/%d] train loss: %.4f Elapsed: %s" % (
                        datetime.datetime.now().strftime('%Y-%m-%d %H:%M:%S'), epoch + 1, self.n_epochs,
                        ctr + 1, len(self.data_loader), loss.item(),
                        datetime.timedelta(seconds=time.time() - start_t)))
            self.writer.add_scalar('Loss/train', loss.item(), epoch)
            torch.save(self.model.state_dict(), os.path.join(self.model_save_path, 'best_model.pth'))
            current_optimizer, drop_counter = self.opt_schedule(current_optimizer, drop_counter)

    def opt_schedule(self, current_optimizer, drop_counter):
        # adam to sgd
        if current_optimizer == 'adam' and drop_counter == 80:
            self.load(os.path.join(self.model_save_path, 'best_model.pth'))
            self.optimizer = torch.optim.SGD(self.model.parameters(), 0.001,  # expect: WD203
                                             momentum=0.9, weight_decay=0.0001,
                                             nesterov=True)
            current_optimizer = 'sgd_1'
            drop_counter = 0
            print('sgd 1e-3')
        # first drop
        if current_optimizer == 'sgd_1' and drop_counter == 20:
            self.load(os.path.join(self.model_save_path, 'best_model.pth'))
            for pg in self.optimizer.param_groups:
                pg['lr'] = 0.0001
            current_optimizer = 'sgd_2'
            drop_counter = 0
            print('sgd 1e-4')
        return current_optimizer, drop_counter
