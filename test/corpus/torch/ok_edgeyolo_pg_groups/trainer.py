# Idiom seen in: LSH9832/edgeyolo edgeyolo/train/trainer.py
# Idiom seen in: LSH9832/edgeyolo edgeyolo/train/default.yaml
# What it reproduces: the detector trainer reads its hyper-parameters (optimizer "SGD", weight_decay 5e-4,
#   momentum, lr per image) from the default config, scales the lr by the global batch, builds the grouped
#   SGD, and trains with AMP and an EMA copy of the model. Clean: decay only on the pg1 kernels.
import math
from copy import deepcopy

import torch
import torch.nn as nn

from optimizer import get_optimizer
from edgeyolo.models import EdgeYOLO
from edgeyolo.data import get_dataloader

DEFAULT_PARAMS = {
    "model_cfg": "params/model/edgeyolo.yaml",
    "batch_size_per_gpu": 8,
    "device": [0, 1, 2, 3],
    "fp16": True,
    "optimizer": "SGD",
    "max_epoch": 300,
    "lr_per_img": 0.00015625,
    "warmup_epochs": 5,
    "final_lr_ratio": 0.05,
    "weight_decay": 0.0005,
    "momentum": 0.9,
    "use_ema": True,
    "train_backbone": True,
    "train_start_layers": 51,
}


class ModelEMA:
    def __init__(self, model, decay=0.9999, updates=0):
        self.ema = deepcopy(model).eval()
        self.updates = updates
        self.decay = lambda x: decay * (1 - math.exp(-x / 2000))
        for p in self.ema.parameters():
            p.requires_grad_(False)

    def update(self, model):
        with torch.no_grad():
            self.updates += 1
            d = self.decay(self.updates)
            msd = model.state_dict()
            for k, v in self.ema.state_dict().items():
                if v.dtype.is_floating_point:
                    v *= d
                    v += (1.0 - d) * msd[k].detach()


class Trainer:
    def __init__(self, params=DEFAULT_PARAMS):
        self.params = params
        self.model = EdgeYOLO(params["model_cfg"]).cuda()
        self.lr = params["lr_per_img"] * params["batch_size_per_gpu"] * len(params["device"])
        self.optimizer = get_optimizer(self.model, self.lr, params["momentum"],
                                       weight_decay=params["weight_decay"],
                                       train_backbone=params["train_backbone"],
                                       head_layer_num=params["train_start_layers"],
                                       optimizer_type=params["optimizer"])
        self.ema = ModelEMA(self.model) if params["use_ema"] else None
        self.scaler = torch.cuda.amp.GradScaler(enabled=params["fp16"])
        self.train_loader = get_dataloader("params/dataset/coco.yaml", params["batch_size_per_gpu"])

    def train(self):
        iters_per_epoch = len(self.train_loader)
        for epoch in range(self.params["max_epoch"]):
            self.model.train()
            for i, (imgs, targets) in enumerate(self.train_loader):
                it = epoch * iters_per_epoch + i
                lr = self.lr * min(1.0, it / (self.params["warmup_epochs"] * iters_per_epoch + 1))
                for group in self.optimizer.param_groups:
                    group["lr"] = lr
                with torch.cuda.amp.autocast(enabled=self.params["fp16"]):
                    outputs = self.model(imgs.cuda(), targets.cuda())
                loss = outputs["total_loss"]
                self.optimizer.zero_grad()
                self.scaler.scale(loss).backward()
                self.scaler.step(self.optimizer)
                self.scaler.update()
                if self.ema is not None:
                    self.ema.update(self.model)
            print(f"epoch {epoch}: loss {loss.item():.4f} lr {lr:.6f}")


if __name__ == "__main__":
    Trainer().train()
