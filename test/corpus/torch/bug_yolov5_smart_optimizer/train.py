# Idiom seen in: ultralytics/yolov5 train.py (opt.optimizer, nbs = 64, hyp['weight_decay'] scaled by the batch,
#   smart_optimizer(model, opt.optimizer, hyp['lr0'], hyp['momentum'], hyp['weight_decay'])); written from the
#   repo's known layout (its hyp files were listed, train.py itself was not opened in this session)
# What it reproduces: argparse options with `--optimizer {SGD,Adam,AdamW}`, the hyp YAML loaded into a dict, the
#   decay rescaled for the effective batch size, the detector built by a models package this folder lacks.
# label-note: no findings on this file; see utils/torch_utils.py (WD202 when --optimizer Adam).
import argparse
import math

import torch
import yaml

from models.yolo import Model
from utils.dataloaders import create_dataloader
from utils.loss import ComputeLoss
from utils.torch_utils import smart_optimizer


def train(hyp, opt, device):
    if isinstance(hyp, str):
        with open(hyp, errors="ignore") as f:
            hyp = yaml.safe_load(f)
    model = Model(opt.cfg, ch=3, nc=80, anchors=hyp.get("anchors")).to(device)
    batch_size = opt.batch_size
    nbs = 64  # nominal batch size
    accumulate = max(round(nbs / batch_size), 1)
    hyp["weight_decay"] *= batch_size * accumulate / nbs  # scale weight_decay
    optimizer = smart_optimizer(model, opt.optimizer, hyp["lr0"], hyp["momentum"], hyp["weight_decay"])
    lf = lambda x: (1 - x / opt.epochs) * (1.0 - hyp["lrf"]) + hyp["lrf"]  # linear
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lf)
    train_loader, dataset = create_dataloader(opt.data, 640, batch_size, 32, hyp=hyp, augment=True)
    compute_loss = ComputeLoss(model)
    last_opt_step = -1
    for epoch in range(opt.epochs):
        model.train()
        optimizer.zero_grad()
        for i, (imgs, targets, paths, _) in enumerate(train_loader):
            ni = i + len(train_loader) * epoch
            imgs = imgs.to(device, non_blocking=True).float() / 255
            pred = model(imgs)
            loss, loss_items = compute_loss(pred, targets.to(device))
            loss.backward()
            if ni - last_opt_step >= accumulate:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=10.0)
                optimizer.step()
                optimizer.zero_grad()
                last_opt_step = ni
        scheduler.step()


def parse_opt():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cfg", type=str, default="models/yolov5s.yaml")
    parser.add_argument("--data", type=str, default="data/coco128.yaml")
    parser.add_argument("--hyp", type=str, default="data/hyps/hyp.scratch-low.yaml")
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--optimizer", type=str, choices=["SGD", "Adam", "AdamW"], default="SGD")
    return parser.parse_args()


if __name__ == "__main__":
    opt = parse_opt()
    train(opt.hyp, opt, torch.device("cuda:0" if torch.cuda.is_available() else "cpu"))
