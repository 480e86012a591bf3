# Idiom seen in: lufficc/SSD ssd/solver/build.py
# Idiom seen in: lufficc/SSD ssd/config/defaults.py
# What it reproduces: make_optimizer(cfg, model) is SGD(model.parameters(), weight_decay=cfg.SOLVER.WEIGHT_DECAY)
#   with the yacs default 5e-4 (real repo): conv biases and the L2Norm scale of the VGG-SSD head are decayed.
import argparse
import logging

import torch

from defaults import cfg
from modeling import SSDDetector
from solver import make_lr_scheduler, make_optimizer
from ssd.data.build import make_data_loader


def train(cfg, args):
    logger = logging.getLogger('SSD.trainer')
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = SSDDetector(cfg).to(device)

    lr = cfg.SOLVER.LR * args.num_gpus
    optimizer = make_optimizer(cfg, model, lr)
    milestones = [step // args.num_gpus for step in cfg.SOLVER.LR_STEPS]
    scheduler = make_lr_scheduler(cfg, optimizer, milestones)

    train_loader = make_data_loader(cfg, is_train=True, max_iter=cfg.SOLVER.MAX_ITER // args.num_gpus)
    model.train()
    for iteration, (images, targets, _) in enumerate(train_loader):
        images = images.to(device)
        targets = {k: v.to(device) for k, v in targets.items()}
        loss = model.loss(model(images), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        if iteration % args.log_step == 0:
            logger.info('iter: %d, loss: %.4f, lr: %.5f', iteration, loss.item(), optimizer.param_groups[0]['lr'])
    return model


def main():
    parser = argparse.ArgumentParser(description='Single Shot MultiBox Detector Training With PyTorch')
    parser.add_argument('--config-file', default='', metavar='FILE', type=str)
    parser.add_argument('--log_step', default=10, type=int)
    parser.add_argument('--num_gpus', default=1, type=int)
    parser.add_argument('opts', default=None, nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.config_file:
        cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    train(cfg, args)


if __name__ == '__main__':
    main()
