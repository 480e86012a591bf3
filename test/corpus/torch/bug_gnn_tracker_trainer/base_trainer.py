# Idiom seen in: murnanedaniel/eta-tracker trainers/gnn_base.py
# What it reproduces: HEP track-finding GNN trainer; the optimizer class is getattr(torch.optim, name) with the
#   config's optimizer_config splatted in (name Adam, weight_decay 1e-4: coupled L2) and given all of
#   self.model.parameters() (biases and LayerNorm decayed too).
import logging
import math
import os
from functools import partial

import torch
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel

from models import get_model


class GNNBaseTrainer(object):
    def __init__(self, output_dir=None, gpu=None, distributed_mode=None, rank=0, n_ranks=1):
        self.logger = logging.getLogger(self.__class__.__name__)
        self.output_dir = os.path.expandvars(output_dir) if output_dir is not None else None
        self.gpu = gpu
        self.device = 'cuda:%i' % gpu if gpu is not None else 'cpu'
        self.distributed_mode = distributed_mode
        self.rank = rank
        self.n_ranks = n_ranks

    def _build_optimizer(self, parameters, name='Adam', learning_rate=0.001, lr_scaling=None,
                         lr_warmup_epochs=0, lr_decay_schedule=[], **optimizer_args):
        warmup_factor = 1
        if lr_scaling == 'linear':
            learning_rate = learning_rate * self.n_ranks
            warmup_factor = 1. / self.n_ranks
        elif lr_scaling == 'sqrt':
            learning_rate = learning_rate * math.sqrt(self.n_ranks)
            warmup_factor = 1. / math.sqrt(self.n_ranks)

        OptimizerType = getattr(torch.optim, name)
        optimizer = OptimizerType(parameters, lr=learning_rate, **optimizer_args)

        def _lr_schedule(epoch, warmup_factor=1, warmup_epochs=0, decays=[]):
            if epoch < warmup_epochs:
                return (1 - warmup_factor) * epoch / warmup_epochs + warmup_factor
            for decay in decays:
                if decay['start_epoch'] <= epoch < decay['end_epoch']:
                    return decay['factor']
            return 1
        lr_schedule = partial(_lr_schedule, warmup_factor=warmup_factor,
                              warmup_epochs=lr_warmup_epochs, decays=lr_decay_schedule)
        return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, lr_schedule)

    def build_model(self, name='agnn', loss_func='binary_cross_entropy_with_logits',
                    optimizer_config={}, **model_args):
        self.model = get_model(name=name, **model_args).to(self.device)
        if self.distributed_mode in ['ddp-file', 'ddp-mpi']:
            self.model = DistributedDataParallel(self.model, device_ids=[self.gpu])
        self.loss_func = getattr(nn.functional, loss_func)
        self.optimizer, self.lr_scheduler = self._build_optimizer(self.model.parameters(), **optimizer_config)  # expect: WD203

    def train_epoch(self, data_loader):
        self.model.train()
        sum_loss = 0
        for i, batch in enumerate(data_loader):
            batch = batch.to(self.device)
            self.model.zero_grad()
            batch_output = self.model(batch)
            batch_loss = self.loss_func(batch_output, batch.y, weight=batch.w)
            batch_loss.backward()
            self.optimizer.step()
            sum_loss += batch_loss.item()
        self.lr_scheduler.step()
        return dict(lr=self.optimizer.param_groups[0]['lr'], train_loss=sum_loss / (i + 1))

    def train(self, train_data_loader, n_epochs, valid_data_loader=None):
        for epoch in range(n_epochs):
            summary = self.train_epoch(train_data_loader)
            summary['epoch'] = epoch
            self.logger.info('Epoch %i: %s', epoch, summary)
