# Idiom seen in: AdFiFi/D-FaST utils/trainer.py
# Idiom seen in: AdFiFi/D-FaST main.py
# What it reproduces: the Trainer builds the model (DDP when --do_parallel) and calls init_optimizer with
#   the parsed args; the cosine schedule and wandb logging follow the repository's loop.
import logging

import torch
import wandb

from config import parse_args
from eegnet import EEGNet
from optimizer import init_optimizer
from schedule import init_schedule
from data import init_StratifiedKFold_dataloader, MNREDDataset

logger = logging.getLogger(__name__)


class Trainer(object):
    def __init__(self, args, local_rank=0):
        self.args = args
        self.local_rank = local_rank
        self.data_loaders = init_StratifiedKFold_dataloader(args, MNREDDataset(args))
        model = EEGNet(dropout=args.dropout)
        if args.do_parallel:
            self.model = torch.nn.parallel.DistributedDataParallel(model.to(args.device),
                                                                   device_ids=[self.local_rank])
        else:
            self.model = model.to(args.device)
        self.optimizer = None
        self.scheduler = None

    def init_components(self):
        total = self.args.num_epochs * len(self.data_loaders['train'])
        self.optimizer = init_optimizer(self.model, self.args)
        self.scheduler = init_schedule(self.optimizer, self.args, total)

    def train_epoch(self):
        self.model.train()
        losses = 0.0
        for inputs, labels in self.data_loaders['train']:
            logits = self.model(inputs.to(self.args.device))
            loss = torch.nn.functional.cross_entropy(logits, labels.to(self.args.device))
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.scheduler.step()
            losses += loss.item()
            wandb.log({'Training loss': loss.item(),
                       'Learning rate': self.optimizer.param_groups[0]['lr']})
        return losses / len(self.data_loaders['train'])

    def train(self):
        self.init_components()
        for epoch in range(1, self.args.num_epochs + 1):
            logger.info("epoch %d train loss %.5f", epoch, self.train_epoch())


if __name__ == '__main__':
    Trainer(parse_args()).train()
