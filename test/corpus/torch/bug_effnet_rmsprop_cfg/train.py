# Idiom seen in: CoinCheung/asddfgg docker_train/config/effnetb0.py
# What it reproduces: a python config module with opt_args = dict(lr=..., weight_decay=1e-5, momentum=0.9,
#   alpha=0.9, eps=1e-3) splatted into torch.optim.RMSprop (the repo uses timm RMSpropTF, also coupled):
#   the weight-decay group gets coupled L2 through RMSprop. Biases/BN are correctly kept out (no WD203).
import argparse
import importlib

import torch
import torch.nn as nn

from cbl_models import build_model
from imagenet.imagenet_cv2 import get_train_loader
import effnetb0


def set_optimizer(model, cfg):
    wd_params, non_wd_params = [], []
    for name, param in model.named_parameters():
        if param.dim() == 1:
            non_wd_params.append(param)
        elif param.dim() in (2, 4):
            wd_params.append(param)
    params_list = [
        {'params': wd_params},
        {'params': non_wd_params, 'weight_decay': 0},
    ]
    opt_cls = getattr(torch.optim, cfg.opt_type)
    optim = opt_cls(params_list, **cfg.opt_args)
    return optim


def train(cfg):
    model = build_model(**cfg.model_args).cuda()
    optim = set_optimizer(model, cfg)
    criteria = nn.CrossEntropyLoss(label_smoothing=cfg.lb_smooth)
    dl = get_train_loader(cfg.datapth, cfg.batchsize, cfg.cropsize, cfg.num_workers)
    for epoch in range(cfg.n_epoches):
        for ims, lbs in dl:
            logits = model(ims.cuda())
            loss = criteria(logits, lbs.cuda())
            optim.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), cfg.grad_clip_norm)
            optim.step()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--config', default='')
    args = parser.parse_args()
    cfg = importlib.import_module(args.config) if args.config else effnetb0
    train(cfg)
