# Idiom seen in: wolny/pytorch-3dunet pytorch3dunet/unet3d/trainer.py
# Idiom seen in: wolny/pytorch-3dunet pytorch3dunet/unet3d/utils.py
# What it reproduces: UNet3DTrainer built from a config dict; the optimizer comes from
#   utils.create_optimizer and the loss is the Dice/BCE criterion alone (no penalty). Clean.
import torch

from utils import create_lr_scheduler, create_optimizer, get_logger

logger = get_logger('UNet3DTrainer')


class UNet3DTrainer:
    def __init__(self, model, optimizer, lr_scheduler, loss_criterion, loaders, max_num_epochs=100,
                 device='cuda'):
        self.model = model
        self.optimizer = optimizer
        self.scheduler = lr_scheduler
        self.loss_criterion = loss_criterion
        self.loaders = loaders
        self.max_num_epochs = max_num_epochs
        self.device = device
        self.num_iterations = 0

    @classmethod
    def from_config(cls, config, model, loss_criterion, loaders):
        optimizer = create_optimizer(config['optimizer'], model)
        lr_scheduler = create_lr_scheduler(config.get('lr_scheduler', None), optimizer)
        trainer_config = config['trainer']
        return cls(model, optimizer, lr_scheduler, loss_criterion, loaders,
                   max_num_epochs=trainer_config['max_num_epochs'], device=config['device'])

    def fit(self):
        for epoch in range(self.max_num_epochs):
            self.train_epoch()
            if self.scheduler is not None:
                self.scheduler.step()

    def train_epoch(self):
        self.model.train()
        for t in self.loaders['train']:
            input, target = t[0].to(self.device), t[1].to(self.device)
            output = self.model(input)
            loss = self.loss_criterion(output, target)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.num_iterations += 1
            if self.num_iterations % 100 == 0:
                logger.info(f'iteration {self.num_iterations}: loss {loss.item():.4f}')
