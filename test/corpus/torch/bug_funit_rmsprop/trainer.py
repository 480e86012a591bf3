# Idiom seen in: NVlabs/FUNIT trainer.py
# What it reproduces: Trainer.__init__ splits the model into dis/gen parameter lists and builds two
# torch.optim.RMSprop optimizers with weight_decay=cfg['weight_decay'] (1e-4 in the config): coupled
# L2 under an adaptive step, on every bias and InstanceNorm affine parameter as well.
import copy

import torch
import torch.nn as nn
from torch.optim import lr_scheduler

from networks import FUNITModel


class Trainer(nn.Module):
    def __init__(self, cfg):
        super(Trainer, self).__init__()
        self.model = FUNITModel(cfg)
        lr_gen = cfg['lr_gen']
        lr_dis = cfg['lr_dis']
        dis_params = list(self.model.dis.parameters())
        gen_params = list(self.model.gen.parameters())
        self.dis_opt = torch.optim.RMSprop([p for p in dis_params if p.requires_grad],  # expect: WD203
                                           lr=lr_gen, weight_decay=cfg['weight_decay'])  # expect: WD202
        self.gen_opt = torch.optim.RMSprop([p for p in gen_params if p.requires_grad],  # expect: WD203
                                           lr=lr_dis, weight_decay=cfg['weight_decay'])  # expect: WD202
        self.dis_scheduler = lr_scheduler.StepLR(self.dis_opt, step_size=cfg['max_iter'], gamma=1.0)
        self.gen_scheduler = lr_scheduler.StepLR(self.gen_opt, step_size=cfg['max_iter'], gamma=1.0)
        self.model.gen_test = copy.deepcopy(self.model.gen)

    def gen_update(self, co_data, cl_data, hp):
        self.gen_opt.zero_grad()
        loss = self.model(co_data, cl_data, hp, 'gen_update')
        self.gen_opt.step()
        return loss.item()

    def dis_update(self, co_data, cl_data, hp):
        self.dis_opt.zero_grad()
        loss = self.model(co_data, cl_data, hp, 'dis_update')
        self.dis_opt.step()
        return loss.item()

    def update_learning_rate(self):
        self.dis_scheduler.step()
        self.gen_scheduler.step()
