# Idiom seen in: ssdxc/nouse solver/build.py
# Idiom seen in: ssdxc/nouse config/defaults.py
# What it reproduces: yacs-config optimizer factory build_optimizer(cfg, model) that hands all of
# model.parameters() to torch.optim.Adam with weight_decay=cfg.TRAIN.WEIGHT_DECAY (here 5e-4, as a YAML
# of the repo would set it): coupled L2 under Adam, and biases/BatchNorm params decayed too.
import argparse
import os

import torch
import torch.nn.functional as F

from config import cfg
from data import build_dataloader
from modeling import build_model
from solver import build_optimizer


def train(cfg):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_loader, num_query = build_dataloader(cfg)
    model = build_model(cfg).to(device)
    optimizer = build_optimizer(cfg, model)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.1)

    for epoch in range(cfg.TRAIN.MAX_EPOCH):
        model.train()
        for it, (feats, adj, labels) in enumerate(train_loader):
            feats, adj, labels = feats.to(device), adj.to(device), labels.to(device)
            logits = model(feats, adj)
            loss = F.cross_entropy(logits, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if it % cfg.TRAIN.PRINT_FREQ == 0:
                print("epoch {} iter {} loss {:.4f}".format(epoch, it, loss.item()))
        scheduler.step()
    torch.save(model.state_dict(), os.path.join(cfg.OUTPUT_DIR, "sef_final.pth"))


def main():
    parser = argparse.ArgumentParser(description="SEF re-id training")
    parser.add_argument("--config_file", default="", type=str)
    parser.add_argument("opts", default=None, nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.config_file:
        cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    os.makedirs(cfg.OUTPUT_DIR, exist_ok=True)
    train(cfg)


if __name__ == "__main__":
    main()
