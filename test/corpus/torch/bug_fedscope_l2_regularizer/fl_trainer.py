# Idiom seen in: alibaba/FederatedScope federatedscope/core/trainers/torch_trainer.py
# Idiom seen in: alibaba/FederatedScope federatedscope/core/auxiliaries/optimizer_builder.py
# What it reproduces: a client trainer with hooks; the batch hook adds mu * regularizer(ctx) to the task loss and the
#   backward hook trains on it. The user turned on regularizer.type='l2_regularizer' while cfg.train.optimizer already
#   carries weight_decay for SGD: every weight is decayed twice.
import torch
import torch.nn as nn
import torch.nn.functional as F

from l2_regularizer import get_regularizer
from optimizer_builder import get_optimizer
from federatedscope.core.auxiliaries.data_builder import get_data

cfg = {
    'train': {'local_update_steps': 4,
              'optimizer': {'type': 'SGD', 'lr': 0.05, 'momentum': 0.9, 'weight_decay': 5e-4}},
    'regularizer': {'type': 'l2_regularizer', 'mu': 1e-4},
    'grad': {'grad_clip': 5.0},
}


class ConvNet2(nn.Module):
    def __init__(self, in_channels=1, h=28, w=28, hidden=2048, class_num=62):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, 32, 5, padding=2)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 5, padding=2)
        self.bn2 = nn.BatchNorm2d(64)
        self.fc1 = nn.Linear((h // 4) * (w // 4) * 64, hidden)
        self.fc2 = nn.Linear(hidden, class_num)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        return self.fc2(F.relu(self.fc1(x.flatten(1))))


class Context(object):
    pass


class GeneralTorchTrainer(object):
    def __init__(self, model, data, cfg):
        self.cfg = cfg
        self.ctx = Context()
        self.ctx.model = model
        self.ctx.data = data
        self.ctx.criterion = nn.CrossEntropyLoss()
        self.ctx.regularizer = get_regularizer(cfg['regularizer']['type'])
        self.ctx.optimizer = get_optimizer(model, **cfg['train']['optimizer'])

    def _hook_on_batch_forward(self, ctx, x, label):
        pred = ctx.model(x)
        ctx.loss_batch = ctx.criterion(pred, label)

    def _hook_on_batch_forward_regularizer(self, ctx):
        ctx.loss_regular = float(self.cfg['regularizer']['mu']) * ctx.regularizer(ctx)  # expect: WD201
        ctx.loss_task = ctx.loss_batch + ctx.loss_regular

    def _hook_on_batch_backward(self, ctx):
        ctx.optimizer.zero_grad()
        ctx.loss_task.backward()
        if self.cfg['grad']['grad_clip'] > 0:
            torch.nn.utils.clip_grad_norm_(ctx.model.parameters(), self.cfg['grad']['grad_clip'])
        ctx.optimizer.step()

    def train(self):
        ctx = self.ctx
        ctx.model.train()
        for _ in range(self.cfg['train']['local_update_steps']):
            for x, label in ctx.data['train']:
                self._hook_on_batch_forward(ctx, x, label)
                self._hook_on_batch_forward_regularizer(ctx)
                self._hook_on_batch_backward(ctx)
        return ctx.model.state_dict()


if __name__ == '__main__':
    data = get_data('femnist', client_id=1)
    trainer = GeneralTorchTrainer(ConvNet2(), data, cfg)
    trainer.train()
