# Idiom seen in: murnanedaniel/eta-tracker trainers/gnn_base.py
# What it reproduces: the tracker trainer's _build_optimizer(getattr(torch.optim, name), **optimizer_args), here
#   with name 'AdamW' and parameter groups built in build_model (norm and bias params in a 0.0 group): clean.
import logging
import math

import torch
import torch.nn as nn

from models import get_model
from datasets import get_data_loaders

OPTIMIZER_CONFIG = dict(name='AdamW', learning_rate=0.001, lr_scaling='sqrt', lr_warmup_epochs=5)


class GNNTrainer(object):
    def __init__(self, gpu=None, n_ranks=1):
        self.logger = logging.getLogger(self.__class__.__name__)
        self.device = 'cuda:%i' % gpu if gpu is not None else 'cpu'
        self.n_ranks = n_ranks

    def _build_optimizer(self, parameters, name='Adam', learning_rate=0.001, lr_scaling=None,
                         lr_warmup_epochs=0, **optimizer_args):
        warmup_factor = 1
        if lr_scaling == 'sqrt':
            learning_rate = learning_rate * math.sqrt(self.n_ranks)
            warmup_factor = 1. / math.sqrt(self.n_ranks)
        OptimizerType = getattr(torch.optim, name)
        optimizer = OptimizerType(parameters, lr=learning_rate, **optimizer_args)
        schedule = lambda epoch: ((1 - warmup_factor) * epoch / lr_warmup_epochs + warmup_factor
                                  if epoch < lr_warmup_epochs else 1)
        return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)

    def build_model(self, name='agnn', weight_decay=0.01, optimizer_config={}, **model_args):
        self.model = get_model(name=name, **model_args).to(self.device)
        decay, no_decay = [], []
        for module in self.model.modules():
            for pname, p in module.named_parameters(recurse=False):
                if isinstance(module, nn.LayerNorm) or pname.endswith('bias'):
                    no_decay.append(p)
                else:
                    decay.append(p)
        groups = [{'params': decay, 'weight_decay': weight_decay},
                  {'params': no_decay, 'weight_decay': 0.0}]
        self.optimizer, self.lr_scheduler = self._build_optimizer(groups, **optimizer_config)

    def train_epoch(self, data_loader):
        self.model.train()
        sum_loss = 0.0
        for i, batch in enumerate(data_loader):
            batch = batch.to(self.device)
            self.optimizer.zero_grad()
            out = self.model(batch)
            loss = nn.functional.binary_cross_entropy_with_logits(out, batch.y, weight=batch.w)
            loss.backward()
            self.optimizer.step()
            sum_loss += loss.item()
        self.lr_scheduler.step()
        return dict(train_loss=sum_loss / (i + 1))


if __name__ == '__main__':
    logging.basicConfig(level=logging.INFO)
    train_loader, valid_loader = get_data_loaders(name='hitgraphs_sparse', batch_size=4)
    trainer = GNNTrainer(gpu=0)
    trainer.build_model(name='agnn', input_dim=3, hidden_dim=64, n_graph_iters=8, layer_norm=True,
                        weight_decay=0.01, optimizer_config=OPTIMIZER_CONFIG)
    for epoch in range(64):
        logging.info('epoch %i %s', epoch, trainer.train_epoch(train_loader))
