# Idiom seen in: TreB1eN/InsightFace_Pytorch Learner.py
# Idiom seen in: TreB1eN/InsightFace_Pytorch utils.py
# What it reproduces: separate_bn_paras(model) splits the backbone into BatchNorm parameters and the rest; SGD gets
#   {paras_wo_bn + head.kernel, weight_decay 5e-4} and {paras_only_bn} with no decay. The backbone convs/linear are
#   bias-free, so only kernels are decayed: clean.
import torch
from torch.nn import (BatchNorm1d, BatchNorm2d, Conv2d, Dropout, Flatten, Linear, Module, Parameter, PReLU,
                      Sequential)


def l2_norm(input, axis=1):
    return torch.div(input, torch.norm(input, 2, axis, True))


class bottleneck_IR(Module):
    def __init__(self, in_channel, depth, stride):
        super(bottleneck_IR, self).__init__()
        self.shortcut_layer = Sequential(Conv2d(in_channel, depth, (1, 1), stride, bias=False), BatchNorm2d(depth))
        self.res_layer = Sequential(
            BatchNorm2d(in_channel),
            Conv2d(in_channel, depth, (3, 3), (1, 1), 1, bias=False), PReLU(depth),
            Conv2d(depth, depth, (3, 3), stride, 1, bias=False), BatchNorm2d(depth))

    def forward(self, x):
        return self.res_layer(x) + self.shortcut_layer(x)


class Backbone(Module):
    def __init__(self, drop_ratio=0.6, embedding_size=512):
        super(Backbone, self).__init__()
        self.input_layer = Sequential(Conv2d(3, 64, (3, 3), 1, 1, bias=False), BatchNorm2d(64), PReLU(64))
        self.body = Sequential(bottleneck_IR(64, 64, 2), bottleneck_IR(64, 128, 2),
                               bottleneck_IR(128, 256, 2), bottleneck_IR(256, 512, 2))
        self.output_layer = Sequential(BatchNorm2d(512), Dropout(drop_ratio), Flatten(),
                                       Linear(512 * 7 * 7, embedding_size, bias=False),
                                       BatchNorm1d(embedding_size))

    def forward(self, x):
        return l2_norm(self.output_layer(self.body(self.input_layer(x))))


class Arcface(Module):
    def __init__(self, embedding_size=512, classnum=51332, s=64., m=0.5):
        super(Arcface, self).__init__()
        self.classnum = classnum
        self.kernel = Parameter(torch.Tensor(embedding_size, classnum))
        self.kernel.data.uniform_(-1, 1).renorm_(2, 1, 1e-5).mul_(1e5)
        self.s, self.m = s, m

    def forward(self, embbedings, label):
        kernel_norm = l2_norm(self.kernel, axis=0)
        cos_theta = torch.mm(embbedings, kernel_norm).clamp(-1, 1)
        theta = torch.acos(cos_theta)
        idx = torch.arange(0, embbedings.size(0), dtype=torch.long)
        output = cos_theta * 1.0
        output[idx, label] = torch.cos(theta[idx, label] + self.m)
        return output * self.s
