# Idiom seen in: open-mmlab/mmsegmentation mmseg/models/segmentors/base.py (_parse_losses), decode_head.py (losses dict)
# What it reproduces: the decode head's `losses()` puts a hand-written L2 on its conv kernels into the dict under
#   'loss_l2' (next to 'loss_ce' and the metric 'acc_seg'); keys get the 'decode.' prefix, and `parse_losses` sums
#   every key containing 'loss' into the backpropagated scalar. SGD weight_decay is 0.0: decayed once, by the penalty.
# label-note: clean program. 'decode.loss_l2' contains 'loss', so the penalty reaches backward(); SGD has
#   weight_decay 0.0 (nothing decayed by the optimizer, no WD203, no double decay).
import argparse
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

from datasets import build_dataloader  # not part of this program


def add_prefix(inputs, prefix):
    return {f"{prefix}.{name}": value for name, value in inputs.items()}


def parse_losses(losses):
    log_vars = OrderedDict((name, value.mean()) for name, value in losses.items())
    loss = sum(_value for _key, _value in log_vars.items() if "loss" in _key)
    log_vars["loss"] = loss
    return loss, {name: value.item() for name, value in log_vars.items()}


class ASPPHead(nn.Module):
    def __init__(self, in_channels, channels, num_classes, l2_weight=1e-4, dilations=(1, 6, 12)):
        super().__init__()
        self.branches = nn.ModuleList([
            nn.Sequential(nn.Conv2d(in_channels, channels, 3, padding=d, dilation=d, bias=False),
                          nn.BatchNorm2d(channels), nn.ReLU(inplace=True)) for d in dilations])
        self.conv_seg = nn.Conv2d(channels * len(dilations), num_classes, 1)
        self.l2_weight = l2_weight

    def forward(self, x):
        return self.conv_seg(torch.cat([b(x) for b in self.branches], dim=1))

    def losses(self, seg_logit, seg_label):
        loss = dict()
        loss["loss_ce"] = F.cross_entropy(seg_logit, seg_label, ignore_index=255)
        valid = seg_label != 255
        loss["acc_seg"] = (seg_logit.argmax(1)[valid] == seg_label[valid]).float().mean().detach() * 100
        kernels = [m.weight for m in self.modules() if isinstance(m, nn.Conv2d)]
        loss["loss_l2"] = self.l2_weight * sum(k.pow(2).sum() for k in kernels)
        return loss


class Segmentor(nn.Module):
    def __init__(self, backbone, num_classes=19):
        super().__init__()
        self.backbone = backbone
        self.decode_head = ASPPHead(512, 128, num_classes)

    def forward_train(self, img, gt_semantic_seg):
        seg_logit = F.interpolate(self.decode_head(self.backbone(img)), size=img.shape[2:], mode="bilinear")
        losses = dict()
        losses.update(add_prefix(self.decode_head.losses(seg_logit, gt_semantic_seg.squeeze(1)), "decode"))
        return losses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-root", default="data/ade")
    args = parser.parse_args()

    trunk = torchvision.models.resnet18(weights=None)
    model = Segmentor(nn.Sequential(*list(trunk.children())[:-2]), num_classes=150).cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=0.0)
    for it, data_batch in enumerate(build_dataloader(args.data_root, "training", samples_per_gpu=4)):
        loss, log_vars = parse_losses(model.forward_train(**data_batch))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if it % 50 == 0:
            print(it, log_vars)


if __name__ == "__main__":
    main()
