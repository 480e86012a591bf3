# Idiom seen in: yaox12/BYOL-PyTorch trainer/byol_trainer.py
# Idiom seen in: yaox12/BYOL-PyTorch config/train_config.yaml
# What it reproduces: BYOL self-supervised pretraining: LARS over the online network and predictor with
#   collect_params(..., exclude_bias_and_bn=True), apex amp, apex DDP, cosine lr per step, EMA target network.
#   The exclusion is by parameter name and misses the stem BN of model.py's encoder (label in params_util.py).
import datetime
import time

import numpy as np
import torch
import torch.nn.functional as F
from apex import amp
from apex.parallel import DistributedDataParallel as DDP

from data import ImageNetLoader
from model import BYOLModel
from optimizer import LARS
from params_util import collect_params


class BYOLTrainer():
    def __init__(self, config):
        self.config = config
        self.world_size = config['world_size']
        self.gpu = config['local_rank']
        self.distributed = config['distributed']
        self.total_epochs = config['optimizer']['total_epochs']
        self.warmup_epochs = config['optimizer']['warmup_epochs']
        self.train_batch_size = config['data']['train_batch_size']
        self.global_batch_size = self.world_size * self.train_batch_size
        self.num_examples = config['data']['num_examples']
        self.warmup_steps = self.warmup_epochs * self.num_examples // self.global_batch_size
        self.total_steps = self.total_epochs * self.num_examples // self.global_batch_size
        self.max_lr = config['optimizer']['base_lr'] / 256 * self.global_batch_size
        self.base_mm = config['model']['base_momentum']
        self.device = torch.device(f'cuda:{self.gpu}')
        torch.cuda.set_device(self.device)
        self.steps = 0
        self.construct_model()

    def construct_model(self):
        self.data_ins = ImageNetLoader(self.config)
        self.train_loader = self.data_ins.get_loader('train', self.train_batch_size)
        self.opt_level = self.config['amp']['opt_level']
        self.model = BYOLModel(self.config).to(self.device)

        momentum = self.config['optimizer']['momentum']
        weight_decay = self.config['optimizer']['weight_decay']
        exclude_bias_and_bn = self.config['optimizer']['exclude_bias_and_bn']
        params = collect_params([self.model.online_network, self.model.predictor],
                                exclude_bias_and_bn=exclude_bias_and_bn)
        self.optimizer = LARS(params, lr=self.max_lr, momentum=momentum, weight_decay=weight_decay)
        self.model, self.optimizer = amp.initialize(self.model, self.optimizer, opt_level=self.opt_level)
        if self.distributed:
            self.model = DDP(self.model, delay_allreduce=True)

    def adjust_learning_rate(self, step):
        max_lr, min_lr = self.max_lr, 1e-3 * self.max_lr
        if step < self.warmup_steps:
            lr = (max_lr - min_lr) * step / self.warmup_steps + min_lr
        else:
            lr = min_lr + 0.5 * (max_lr - min_lr) * (1 + np.cos((step - self.warmup_steps) * np.pi / self.total_steps))
        for param_group in self.optimizer.param_groups:
            param_group['lr'] = lr

    def forward_loss(self, preds, targets):
        preds_norm = F.normalize(preds, dim=1)
        targets_norm = F.normalize(targets, dim=1)
        return 2 - 2 * (preds_norm * targets_norm).sum() / preds.size(0)

    def train_epoch(self, epoch):
        self.model.train()
        self.data_ins.set_epoch(epoch)
        for i, (images, _) in enumerate(self.train_loader):
            self.adjust_learning_rate(self.steps)
            mm = 1 - (1 - self.base_mm) * (np.cos(np.pi * self.steps / self.total_steps) + 1) / 2
            self.steps += 1
            images = images.cuda(non_blocking=True)
            view1, view2 = images[:, 0, ...].contiguous(), images[:, 1, ...].contiguous()
            q, target_z = self.model(view1, view2, mm)
            loss = self.forward_loss(q, target_z)
            self.optimizer.zero_grad()
            if self.opt_level == 'O0':
                loss.backward()
            else:
                with amp.scale_loss(loss, self.optimizer) as scaled_loss:
                    scaled_loss.backward()
            self.optimizer.step()
            if self.gpu == 0 and self.steps % 100 == 0:
                print(f'Epoch [{epoch}][{i}/{len(self.train_loader)}] Step {self.steps} loss {loss.item():.4f} '
                      f'{datetime.datetime.now():%H:%M:%S}')


# config/train_config.yaml of the repository, inlined
config = {
    'world_size': 8, 'local_rank': 0, 'distributed': True, 'stage': 'train',
    'amp': {'sync_bn': True, 'opt_level': 'O0'},
    'data': {'image_dir': '/path/to/imagenet', 'resize_size': 224, 'data_workers': 8,
             'train_batch_size': 128, 'val_batch_size': 128, 'num_examples': 1281167},
    'model': {'base_momentum': 0.996,
              'backbone': {'type': 'resnet50', 'pretrained': False},
              'projection': {'input_dim': 2048, 'hidden_dim': 4096, 'output_dim': 256},
              'predictor': {'input_dim': 256, 'hidden_dim': 4096, 'output_dim': 256}},
    'optimizer': {'type': 'lars', 'base_lr': 0.3, 'momentum': 0.9, 'weight_decay': 1.5e-6,
                  'total_epochs': 300, 'warmup_epochs': 10, 'exclude_bias_and_bn': True},
}

if __name__ == '__main__':
    trainer = BYOLTrainer(config)
    start = time.time()
    for epoch in range(trainer.total_epochs):
        trainer.train_epoch(epoch)
    print('done in %.1f h' % ((time.time() - start) / 3600))
