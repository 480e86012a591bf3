# Idiom seen in: facebookresearch/maskrcnn-benchmark tools/train_net.py
# What it reproduces: argparse (`--local_rank`, `opts` merged into cfg), the detector, make_optimizer and a
# warm-up scheduler, DistributedDataParallel, and do_train from an engine module this folder lacks.
# label-note: clean (see solver.py).
import argparse
import os

import torch

from backbone import GeneralizedRCNN
from data import make_data_loader
from defaults import _C as cfg
from engine import do_train
from lr_scheduler import WarmupMultiStepLR
from solver import make_optimizer


def train(cfg, local_rank, distributed):
    model = GeneralizedRCNN(cfg)
    device = torch.device(cfg.MODEL.DEVICE)
    model.to(device)
    optimizer = make_optimizer(cfg, model)
    scheduler = WarmupMultiStepLR(optimizer, cfg.SOLVER.STEPS, cfg.SOLVER.GAMMA,
                                  warmup_factor=cfg.SOLVER.WARMUP_FACTOR,
                                  warmup_iters=cfg.SOLVER.WARMUP_ITERS)
    if distributed:
        model = torch.nn.parallel.DistributedDataParallel(
            model, device_ids=[local_rank], output_device=local_rank, broadcast_buffers=False)
    data_loader = make_data_loader(cfg, is_train=True, is_distributed=distributed)
    do_train(model, data_loader, optimizer, scheduler, device)
    return model


def main():
    parser = argparse.ArgumentParser(description="PyTorch Object Detection Training")
    parser.add_argument("--local_rank", type=int, default=0)
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    args = parser.parse_args()
    num_gpus = int(os.environ["WORLD_SIZE"]) if "WORLD_SIZE" in os.environ else 1
    distributed = num_gpus > 1
    if distributed:
        torch.cuda.set_device(args.local_rank)
        torch.distributed.init_process_group(backend="nccl", init_method="env://")
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    train(cfg, args.local_rank, distributed)


if __name__ == "__main__":
    main()
