# Idiom seen in: open-mmlab/mmaction2 tools/train.py with mmcv's optimizer hook (outputs['loss'].backward())
# What it reproduces: a config-dict driven loop: the optimizer is built from cfg['optimizer'] with getattr(torch.optim, type) and weight_decay=0.0 (the config relies on train_cfg.l2_weight instead), and the runner back-propagates outputs['loss'] from train_step. The bug is in recognizer.py.
import copy

import torch

from datasets import build_dataloader, build_dataset
from recognizer import Recognizer2D

cfg = dict(
    model=dict(
        backbone=dict(type="ResNet", depth=50, norm_eval=False),
        cls_head=dict(type="TSNHead", num_classes=400, in_channels=2048, dropout_ratio=0.4),
        train_cfg=dict(l2_weight=5e-4),
        test_cfg=dict(average_clips=None),
    ),
    optimizer=dict(type="SGD", lr=0.01, momentum=0.9, weight_decay=0.0),
    grad_clip=dict(max_norm=40, norm_type=2),
    total_epochs=100,
    data=dict(videos_per_gpu=32, workers_per_gpu=4, train=dict(type="RawframeDataset", ann_file="train_list.txt")),
    log_interval=20,
)


def build_optimizer(model, optimizer_cfg):
    optimizer_cfg = copy.deepcopy(optimizer_cfg)
    optimizer_cls = getattr(torch.optim, optimizer_cfg.pop("type"))
    return optimizer_cls(model.parameters(), **optimizer_cfg)


def main():
    model = Recognizer2D(**cfg["model"]).cuda()
    dataset = build_dataset(cfg["data"]["train"])
    loader = build_dataloader(dataset, cfg["data"]["videos_per_gpu"], cfg["data"]["workers_per_gpu"])
    optimizer = build_optimizer(model, cfg["optimizer"])
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=40, gamma=0.1)

    for epoch in range(cfg["total_epochs"]):
        model.train()
        for i, data_batch in enumerate(loader):
            data_batch = {k: v.cuda(non_blocking=True) for k, v in data_batch.items()}
            outputs = model.train_step(data_batch, optimizer)
            optimizer.zero_grad()
            outputs["loss"].backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), **cfg["grad_clip"])
            optimizer.step()
            if i % cfg["log_interval"] == 0:
                msg = ", ".join(f"{k}: {v:.4f}" for k, v in outputs["log_vars"].items())
                print(f"Epoch [{epoch + 1}][{i}/{len(loader)}] {msg}")
        scheduler.step()


if __name__ == "__main__":
    main()
