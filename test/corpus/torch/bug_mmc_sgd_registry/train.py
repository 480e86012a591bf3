# Idiom seen in: NeurAI-Lab/MMC od/solver/sgd_optimizer.py
# What it reproduces: SSD-style detector solver registry; SGD_optimizer(cfg, model) builds momentum SGD over
#   all model.parameters() with cfg.SOLVER.WEIGHT_DECAY (yacs default 5e-4), so the BatchNorm weights and
#   every bias of the backbone and heads are decayed too (no no-decay group), as in the repository.
import argparse

import torch
import torch.nn as nn

from defaults import cfg
from od.data.build import make_data_loader
from sgd_optimizer import SGD_optimizer


class SSDLite(nn.Module):
    def __init__(self, num_classes, out_channels):
        super().__init__()
        layers, in_ch = [], 3
        for ch in out_channels[:3]:
            layers += [nn.Conv2d(in_ch, ch, 3, stride=2, padding=1), nn.BatchNorm2d(ch), nn.ReLU(inplace=True)]
            in_ch = ch
        self.backbone = nn.Sequential(*layers)
        self.cls_head = nn.Conv2d(in_ch, 4 * num_classes, 3, padding=1)
        self.reg_head = nn.Conv2d(in_ch, 4 * 4, 3, padding=1)

    def forward(self, images, targets=None):
        feats = self.backbone(images)
        return self.cls_head(feats), self.reg_head(feats)


def train(cfg, args):
    model = SSDLite(cfg.MODEL.NUM_CLASSES, cfg.MODEL.BACKBONE.OUT_CHANNELS).cuda()
    lr = cfg.SOLVER.BASE_LR * args.num_gpus
    optimizer = SGD_optimizer(cfg, model, lr)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, cfg.SOLVER.LR_STEPS, cfg.SOLVER.GAMMA)
    loader = make_data_loader(cfg, is_train=True)
    for iteration, (images, targets, _) in enumerate(loader):
        cls_logits, bbox_pred = model(images.cuda())
        loss = nn.functional.cross_entropy(cls_logits.flatten(2), targets['labels'].cuda())             + nn.functional.smooth_l1_loss(bbox_pred.flatten(2), targets['boxes'].cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        if iteration >= cfg.SOLVER.MAX_ITER:
            break


def main():
    parser = argparse.ArgumentParser(description='SSD Training With PyTorch')
    parser.add_argument('--config-file', default='', metavar='FILE', type=str)
    parser.add_argument('--num_gpus', default=1, type=int)
    args = parser.parse_args()
    if args.config_file:
        cfg.merge_from_file(args.config_file)
    cfg.freeze()
    train(cfg, args)


if __name__ == '__main__':
    main()
