# Idiom seen in: facebookresearch/detectron2 tools/plain_train_net.py
# Idiom seen in: facebookresearch/detectron2 detectron2/solver/build.py
# What it reproduces: a plain detectron2-style training loop: build_model from a package the
# workspace lacks, build_optimizer from solver/ (no decay on norms and biases), loss_dict summed and
# backpropagated. Clean.
import argparse
import logging

import torch

from config.defaults import get_cfg, add_project_config
from solver import build_optimizer
from modeling import build_model
from data import build_detection_train_loader

logger = logging.getLogger("train_net")


def setup(args):
    cfg = get_cfg()
    add_project_config(cfg)
    cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    return cfg


def do_train(cfg, model):
    model.train()
    optimizer = build_optimizer(cfg, model)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(
        optimizer, milestones=list(cfg.SOLVER.STEPS), gamma=cfg.SOLVER.GAMMA)
    data_loader = build_detection_train_loader(cfg)

    for iteration, data in zip(range(cfg.SOLVER.MAX_ITER), data_loader):
        loss_dict = model(data)
        losses = sum(loss_dict.values())
        assert torch.isfinite(losses).all(), loss_dict

        optimizer.zero_grad()
        losses.backward()
        optimizer.step()
        scheduler.step()
        if iteration % 20 == 0:
            logger.info("iter %d: %s", iteration, {k: v.item() for k, v in loss_dict.items()})


def main(args):
    cfg = setup(args)
    model = build_model(cfg)
    logger.info("Model:\n{}".format(model))
    do_train(cfg, model)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config-file", default="configs/faster_rcnn_R_50_FPN_1x.yaml")
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    main(parser.parse_args())
