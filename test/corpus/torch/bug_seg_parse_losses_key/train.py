# Idiom seen in: open-mmlab/mmsegmentation tools/train.py and the runner's iteration (outputs = model.train_step(...);
#   outputs['loss'].backward()), configs/_base_/schedules/schedule_40k.py (optimizer dict)
# What it reproduces: a hand-rolled runner over a dict config: SGD built from `cfg['optimizer']` with
#   weight_decay 0.0, poly learning rate, `train_step` output backpropagated, log_vars printed; the
#   cityscapes loader comes from a datasets package this folder lacks.
# label-note: no findings here; weight_decay is 0.0, so the optimizer decays nothing (no WD203).
import argparse

import torch

from datasets import build_dataloader  # not part of this program
from segmentor import EncoderDecoder

cfg = dict(
    model=dict(num_classes=19, head_l2=1e-4),
    optimizer=dict(lr=0.01, momentum=0.9, weight_decay=0.0),
    max_iters=40000,
    log_interval=50,
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-root", default="data/cityscapes")
    parser.add_argument("--samples-per-gpu", type=int, default=2)
    args = parser.parse_args()

    model = EncoderDecoder(**cfg["model"]).cuda()
    optimizer = torch.optim.SGD(model.parameters(), **cfg["optimizer"])
    base_lr = cfg["optimizer"]["lr"]
    loader = build_dataloader(args.data_root, "train", samples_per_gpu=args.samples_per_gpu)

    it = 0
    model.train()
    while it < cfg["max_iters"]:
        for data_batch in loader:
            for group in optimizer.param_groups:
                group["lr"] = (base_lr - 1e-4) * (1 - it / cfg["max_iters"]) ** 0.9 + 1e-4
            outputs = model.train_step(data_batch, optimizer)
            optimizer.zero_grad()
            outputs["loss"].backward()
            optimizer.step()
            if it % cfg["log_interval"] == 0:
                print(it, outputs["log_vars"])
            it += 1
            if it >= cfg["max_iters"]:
                break


if __name__ == "__main__":
    main()
