# Idiom seen in: JDAI-CV/fast-reid tools/train_net.py
# Idiom seen in: JDAI-CV/fast-reid fastreid/engine/defaults.py
# What it reproduces: the re-ID training entry point: cfg from defaults.py (+ optional yaml), model from the
#   fastreid meta-architecture registry, optimizer from solver_build.build_optimizer, a plain loop over the
#   model's loss dict (cross entropy + triplet) summed and backpropagated. Clean.
import argparse

import torch

from defaults import get_cfg
from fastreid.data import build_reid_train_loader
from fastreid.modeling.meta_arch import build_model
from solver_build import build_optimizer


def setup(args):
    cfg = get_cfg()
    if args.config_file:
        cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    return cfg


def main(args):
    cfg = setup(args)
    model = build_model(cfg)
    optimizer = build_optimizer(cfg, model)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=cfg.SOLVER.STEPS, gamma=cfg.SOLVER.GAMMA)
    data_loader = build_reid_train_loader(cfg)
    data_iter = iter(data_loader)
    iters_per_epoch = len(data_loader.dataset) // cfg.SOLVER.IMS_PER_BATCH

    model.train()
    for epoch in range(cfg.SOLVER.MAX_EPOCH):
        for it in range(iters_per_epoch):
            data = next(data_iter)
            loss_dict = model(data)
            losses = sum(loss_dict.values())
            optimizer.zero_grad()
            losses.backward()
            optimizer.step()
            if it % 200 == 0:
                print('epoch {} iter {} '.format(epoch, it) +
                      ' '.join('{}: {:.3f}'.format(k, v.item()) for k, v in loss_dict.items()))
        scheduler.step()
        torch.save({'model': model.state_dict()}, cfg.OUTPUT_DIR + '/model_final.pth')


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="fastreid Training")
    parser.add_argument("--config-file", default="", metavar="FILE")
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    main(parser.parse_args())
