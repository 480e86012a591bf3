# Idiom seen in: mit-han-lab/efficientvit applications/efficientvit_cls/train_efficientvit_cls_model.py
# Idiom seen in: mit-han-lab/efficientvit applications/efficientvit_cls/configs/imagenet/default.yaml
# What it reproduces: the ImageNet run config (AdamW, weight_decay 0.1, no_wd_keys [norm, bias]) kept as a
# dict and passed to RunConfig; the EfficientViT backbone names its norm layers '.norm.'. Clean.
import argparse

import torch
import torch.nn.functional as F

from run_config import RunConfig
from models import create_efficientvit_cls_model
from data_provider import ImageNetDataProvider

RUN_CONFIG = {
    "n_epochs": 300,
    "init_lr": 0.00025 * 1024 / 256,
    "warmup_epochs": 20,
    "warmup_lr": 0.0,
    "lr_schedule_name": "cosine",
    "optimizer_name": "adamw",
    "optimizer_params": {"eps": 1.0e-08, "betas": (0.9, 0.999)},
    "weight_decay": 0.1,
    "no_wd_keys": ["norm", "bias"],
    "grad_clip": 2.0,
}

parser = argparse.ArgumentParser()
parser.add_argument("--model", type=str, default="efficientvit-b1")
parser.add_argument("--path", type=str, default=".exp/cls/b1")
args = parser.parse_args()

model = create_efficientvit_cls_model(args.model, False, dropout=0.0).cuda()
data_provider = ImageNetDataProvider(data_dir="/dataset/imagenet", base_batch_size=128)
run_config = RunConfig(**RUN_CONFIG)
optimizer = run_config.build_optimizer(model)

for epoch in range(run_config.n_epochs):
    model.train()
    for images, labels in data_provider.train:
        images, labels = images.cuda(), labels.cuda()
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            output = model(images)
            loss = F.cross_entropy(output, labels, label_smoothing=0.1)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_value_(model.parameters(), run_config.grad_clip)
        optimizer.step()
