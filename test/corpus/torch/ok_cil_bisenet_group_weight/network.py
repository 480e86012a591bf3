# Idiom seen in: lxxue/cil-road-segmentation-2019 model/cil-resnet50/network.py
# What it reproduces: a trimmed BiSeNet (context path, spatial path, refinement, heads) built only from Conv2d,
#   BatchNorm2d and ReLU, so group_weight can account for every parameter.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBnRelu(nn.Module):
    def __init__(self, in_planes, out_planes, ksize, stride, pad, norm_layer=nn.BatchNorm2d, has_bias=False):
        super(ConvBnRelu, self).__init__()
        self.conv = nn.Conv2d(in_planes, out_planes, ksize, stride, pad, bias=has_bias)
        self.bn = norm_layer(out_planes)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


class BiSeNet(nn.Module):
    def __init__(self, out_planes, is_training, criterion, norm_layer=nn.BatchNorm2d):
        super(BiSeNet, self).__init__()
        self.is_training = is_training
        self.criterion = criterion
        self.context_path = nn.Sequential(ConvBnRelu(3, 64, 3, 2, 1, norm_layer),
                                          ConvBnRelu(64, 128, 3, 2, 1, norm_layer),
                                          ConvBnRelu(128, 256, 3, 2, 1, norm_layer))
        self.spatial_path = nn.Sequential(ConvBnRelu(3, 64, 7, 2, 3, norm_layer),
                                          ConvBnRelu(64, 128, 3, 2, 1, norm_layer))
        self.global_context = nn.Sequential(nn.AdaptiveAvgPool2d(1), ConvBnRelu(256, 128, 1, 1, 0, norm_layer))
        self.refines = nn.ModuleList([ConvBnRelu(256, 128, 3, 1, 1, norm_layer)])
        self.ffm = ConvBnRelu(256, 128, 1, 1, 0, norm_layer)
        self.heads = nn.ModuleList([nn.Conv2d(128, out_planes, kernel_size=1, bias=True)])
        self.business_layer = [self.spatial_path, self.global_context, self.refines, self.ffm, self.heads]

    def forward(self, data, label=None):
        spatial = self.spatial_path(data)
        context = self.context_path(data)
        context = self.refines[0](context) + self.global_context(context)
        context = F.interpolate(context, size=spatial.size()[2:], mode='bilinear', align_corners=True)
        out = self.heads[0](self.ffm(torch.cat([spatial, context], dim=1)))
        out = F.interpolate(out, size=data.size()[2:], mode='bilinear', align_corners=True)
        if self.is_training:
            return self.criterion(out, label)
        return F.log_softmax(out, dim=1)
