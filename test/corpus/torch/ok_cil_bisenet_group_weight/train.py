# Idiom seen in: lxxue/cil-road-segmentation-2019 model/bisenet/train.py
# What it reproduces: BiSeNet training: group_weight per sub-module (10x lr outside the context path) and
#   SGD(params_list, lr, momentum, weight_decay=config.weight_decay): only the conv kernels take the 5e-4 decay, the
#   biases and BatchNorm parameters sit in weight_decay=.0 groups (clean).
from __future__ import division
import argparse
import sys

import torch
import torch.nn as nn
import torch.backends.cudnn as cudnn
from torch.nn import BatchNorm2d
from tqdm import tqdm

from config import config
from network import BiSeNet
from init_func import init_weight, group_weight
from dataloader import get_train_loader
from datasets import Cil
from engine.lr_policy import PolyLR

parser = argparse.ArgumentParser()
args = parser.parse_args()
cudnn.benchmark = True
torch.manual_seed(config.seed)

train_loader = get_train_loader(Cil)
criterion = nn.CrossEntropyLoss(reduction='mean', ignore_index=255)
model = BiSeNet(config.num_classes, is_training=True, criterion=criterion, norm_layer=BatchNorm2d)
for layer in model.business_layer:
    init_weight(layer, nn.init.kaiming_normal_, BatchNorm2d, config.bn_eps, config.bn_momentum,
                mode='fan_in', nonlinearity='relu')

base_lr = config.lr
params_list = []
params_list = group_weight(params_list, model.context_path, BatchNorm2d, base_lr)
params_list = group_weight(params_list, model.spatial_path, BatchNorm2d, base_lr * 10)
params_list = group_weight(params_list, model.global_context, BatchNorm2d, base_lr * 10)
params_list = group_weight(params_list, model.refines, BatchNorm2d, base_lr * 10)
params_list = group_weight(params_list, model.ffm, BatchNorm2d, base_lr * 10)
params_list = group_weight(params_list, model.heads, BatchNorm2d, base_lr * 10)

optimizer = torch.optim.SGD(params_list,
                            lr=base_lr,
                            momentum=config.momentum,
                            weight_decay=config.weight_decay)

total_iteration = config.nepochs * config.niters_per_epoch
lr_policy = PolyLR(base_lr, config.lr_power, total_iteration)

model.train()
for epoch in range(config.nepochs):
    pbar = tqdm(range(config.niters_per_epoch), file=sys.stdout)
    dataloader = iter(train_loader)
    for idx in pbar:
        optimizer.zero_grad()
        minibatch = next(dataloader)
        loss = model(minibatch['data'], minibatch['label'])
        lr = lr_policy.get_lr(epoch * config.niters_per_epoch + idx)
        for i in range(2):
            optimizer.param_groups[i]['lr'] = lr
        for i in range(2, len(optimizer.param_groups)):
            optimizer.param_groups[i]['lr'] = lr * 10
        loss.backward()
        optimizer.step()
        pbar.set_description('Epoch{}/{} lr={:.2e} loss={:.4f}'.format(epoch, config.nepochs, lr, loss.item()),
                             refresh=False)
