# Idiom seen in: Haoyu-Xie/PRCL generalframeworks/networks/ddp_model.py
# Idiom seen in: Haoyu-Xie/PRCL generalframeworks/networks/uncer_head.py
# What it reproduces: one nn.Module holding the student DeepLabv3+, a frozen EMA copy and an uncertainty
#   head made of raw weight Parameters, affine BatchNorm and scalar gamma/beta Parameters.
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Parameter

from deeplabv3 import DeepLabv3Plus_with_un


class Uncertainty_head(nn.Module):
    def __init__(self, in_feat=304, out_feat=256):
        super().__init__()
        self.fc1 = Parameter(torch.Tensor(out_feat, in_feat))
        self.bn1 = nn.BatchNorm2d(out_feat, affine=True)
        self.fc2 = Parameter(torch.Tensor(out_feat, out_feat))
        self.bn2 = nn.BatchNorm2d(out_feat, affine=False)
        self.gamma = Parameter(torch.Tensor([1.0]))
        self.beta = Parameter(torch.Tensor([0.0]))
        nn.init.kaiming_normal_(self.fc1)
        nn.init.kaiming_normal_(self.fc2)

    def forward(self, x):
        x = F.linear(x.permute(0, 2, 3, 1), F.normalize(self.fc1, dim=-1)).permute(0, 3, 1, 2)
        x = F.relu(self.bn1(x))
        x = F.linear(x.permute(0, 2, 3, 1), F.normalize(self.fc2, dim=-1)).permute(0, 3, 1, 2)
        x = self.gamma * self.bn2(x) + self.beta
        return torch.sigmoid(torch.log(torch.exp(x) + 1e-6))


class Model_with_un(nn.Module):
    def __init__(self, base_encoder, num_classes=21, output_dim=256, ema_alpha=0.99, config=None):
        super().__init__()
        self.model = DeepLabv3Plus_with_un(base_encoder, num_classes=num_classes, output_dim=output_dim)
        self.step = 0
        self.ema_model = copy.deepcopy(self.model)
        for p in self.ema_model.parameters():
            p.requires_grad = False
        self.alpha = ema_alpha
        self.uncer_head = Uncertainty_head()
        self.config = config

    def ema_update(self):
        decay = min(1 - 1 / (self.step + 1), self.alpha)
        for ema_param, param in zip(self.ema_model.parameters(), self.model.parameters()):
            ema_param.data = decay * ema_param.data + (1 - decay) * param.data
        self.step += 1

    def forward(self, train_l_image, train_u_image):
        with torch.no_grad():
            pred_u, _, _ = self.ema_model(train_u_image)
            pseudo_logits, pseudo_labels = torch.max(torch.softmax(pred_u, dim=1), dim=1)
        pred_l, rep_l, raw_feat_l = self.model(train_l_image)
        pred_u, rep_u, raw_feat_u = self.model(train_u_image)
        uncer_all = self.uncer_head(torch.cat((raw_feat_l, raw_feat_u), dim=0))
        return pred_l, pred_u, pseudo_labels, pseudo_logits, torch.cat((rep_l, rep_u)), uncer_all
