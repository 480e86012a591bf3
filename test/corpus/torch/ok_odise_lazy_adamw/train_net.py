# Idiom seen in: GuanxingLu/ManiGaussian third_party/ODISE/configs/common/optim.py
# What it reproduces: detectron2-style optimizer config (AdamW over get_default_optimizer_params with
# weight_decay_norm=0.0 and weight_decay_bias=0.0): decoupled decay on kernels only. Clean.
import argparse

import torch

from configs.optim import OPTIM
from solver import get_default_optimizer_params
from odise.modeling import build_model
from odise.data import build_detection_train_loader


def build_optimizer(model):
    params = get_default_optimizer_params(
        model,
        base_lr=OPTIM['lr'],
        weight_decay=OPTIM['weight_decay'],
        weight_decay_norm=OPTIM['weight_decay_norm'],
        weight_decay_bias=OPTIM['weight_decay_bias'],
    )
    return torch.optim.AdamW(params, lr=OPTIM['lr'], betas=OPTIM['betas'],
                             weight_decay=OPTIM['weight_decay'])


def main(args):
    model = build_model(args.config_file).cuda()
    optimizer = build_optimizer(model)
    data_loader = build_detection_train_loader(args.config_file)
    model.train()
    for iteration, batched_inputs in enumerate(data_loader):
        loss_dict = model(batched_inputs)
        losses = sum(loss_dict.values())
        optimizer.zero_grad()
        losses.backward()
        optimizer.step()
        if iteration >= args.max_iter:
            break


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--config-file', default='configs/Panoptic/odise_label_coco_50e.py')
    parser.add_argument('--max-iter', type=int, default=92188)
    main(parser.parse_args())
