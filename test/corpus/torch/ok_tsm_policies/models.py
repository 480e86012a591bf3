# Idiom seen in: p445ccm4/temporal-shift-module ops/models.py
# What it reproduces: TSN/TSM's get_optim_policies: parameter groups with lr_mult/decay_mult, where
#   biases and BatchNorm scale/shift get decay_mult 0 (main.py turns decay_mult into weight_decay).
import torch
import torchvision
from torch import nn


class TSN(nn.Module):
    def __init__(self, num_class, num_segments, base_model='resnet50', dropout=0.8, partial_bn=True, fc_lr5=False):
        super(TSN, self).__init__()
        self.num_segments = num_segments
        self.fc_lr5 = fc_lr5
        self._enable_pbn = partial_bn
        self.base_model = getattr(torchvision.models, base_model)(pretrained=True)
        feature_dim = self.base_model.fc.in_features
        self.base_model.fc = nn.Dropout(p=dropout)
        self.new_fc = nn.Linear(feature_dim, num_class)

    def get_optim_policies(self):
        first_conv_weight, first_conv_bias = [], []
        normal_weight, normal_bias = [], []
        lr5_weight, lr10_bias = [], []
        bn = []
        conv_cnt, bn_cnt = 0, 0
        for m in self.modules():
            if isinstance(m, (torch.nn.Conv2d, torch.nn.Conv1d, torch.nn.Conv3d)):
                ps = list(m.parameters())
                conv_cnt += 1
                if conv_cnt == 1:
                    first_conv_weight.append(ps[0])
                    if len(ps) == 2:
                        first_conv_bias.append(ps[1])
                else:
                    normal_weight.append(ps[0])
                    if len(ps) == 2:
                        normal_bias.append(ps[1])
            elif isinstance(m, torch.nn.Linear):
                ps = list(m.parameters())
                (lr5_weight if self.fc_lr5 else normal_weight).append(ps[0])
                if len(ps) == 2:
                    (lr10_bias if self.fc_lr5 else normal_bias).append(ps[1])
            elif isinstance(m, (torch.nn.BatchNorm2d, torch.nn.BatchNorm3d)):
                bn_cnt += 1
                if not self._enable_pbn or bn_cnt == 1:
                    bn.extend(list(m.parameters()))
        return [
            {'params': first_conv_weight, 'lr_mult': 1, 'decay_mult': 1, 'name': "first_conv_weight"},
            {'params': first_conv_bias, 'lr_mult': 2, 'decay_mult': 0, 'name': "first_conv_bias"},
            {'params': normal_weight, 'lr_mult': 1, 'decay_mult': 1, 'name': "normal_weight"},
            {'params': normal_bias, 'lr_mult': 2, 'decay_mult': 0, 'name': "normal_bias"},
            {'params': bn, 'lr_mult': 1, 'decay_mult': 0, 'name': "BN scale/shift"},
            {'params': lr5_weight, 'lr_mult': 5, 'decay_mult': 1, 'name': "lr5_weight"},
            {'params': lr10_bias, 'lr_mult': 10, 'decay_mult': 0, 'name': "lr10_bias"},
        ]

    def forward(self, input):
        base_out = self.new_fc(self.base_model(input.view((-1, 3) + input.size()[-2:])))
        base_out = base_out.view((-1, self.num_segments) + base_out.size()[1:])
        return base_out.mean(dim=1)
