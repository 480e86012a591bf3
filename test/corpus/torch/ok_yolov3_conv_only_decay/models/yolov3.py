# Idiom seen in: DeNA/PyTorch_YOLOv3 models/yolov3.py
# Idiom seen in: DeNA/PyTorch_YOLOv3 train.py
# What it reproduces: darknet-style conv blocks (conv without bias + BatchNorm + leaky) whose
#   parameter names contain 'conv.weight'; the trainer decays only those. Clean.
import torch
import torch.nn as nn

from models.yolo_layer import YOLOLayer


def add_conv(in_ch, out_ch, ksize, stride):
    stage = nn.Sequential()
    pad = (ksize - 1) // 2
    stage.add_module('conv', nn.Conv2d(in_channels=in_ch, out_channels=out_ch, kernel_size=ksize,
                                       stride=stride, padding=pad, bias=False))
    stage.add_module('batch_norm', nn.BatchNorm2d(out_ch))
    stage.add_module('leaky', nn.LeakyReLU(0.1))
    return stage


class resblock(nn.Module):
    def __init__(self, ch, nblocks=1, shortcut=True):
        super().__init__()
        self.shortcut = shortcut
        self.module_list = nn.ModuleList()
        for _ in range(nblocks):
            resblock_one = nn.ModuleList()
            resblock_one.append(add_conv(ch, ch // 2, 1, 1))
            resblock_one.append(add_conv(ch // 2, ch, 3, 1))
            self.module_list.append(resblock_one)

    def forward(self, x):
        for module in self.module_list:
            h = x
            for res in module:
                h = res(h)
            x = x + h if self.shortcut else h
        return x


class YOLOv3(nn.Module):
    def __init__(self, ignore_thre=0.7):
        super().__init__()
        self.module_list = nn.ModuleList([
            add_conv(3, 32, 3, 1),
            add_conv(32, 64, 3, 2),
            resblock(64),
            add_conv(64, 128, 3, 2),
            resblock(128, nblocks=2),
            YOLOLayer(config_model={'ANCHORS': None}, layer_no=0, in_ch=128, ignore_thre=ignore_thre),
        ])
        self.loss_dict = {}

    def forward(self, x, targets=None):
        train = targets is not None
        output = []
        for module in self.module_list:
            if isinstance(module, YOLOLayer):
                if train:
                    x, *loss_dict = module(x, targets)
                    for name, loss in zip(['xy', 'wh', 'conf', 'cls', 'l2'], loss_dict):
                        self.loss_dict[name] = loss
                else:
                    x = module(x)
                output.append(x)
            else:
                x = module(x)
        if train:
            return sum(output)
        return torch.cat(output, 1)
