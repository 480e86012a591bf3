# Idiom seen in: Megvii-BaseDetection/YOLOX yolox/exp/yolox_base.py (Exp.get_optimizer), yolox/core/trainer.py
# What it reproduces: three parameter groups built from named_modules(): BN weights (no decay), conv/linear
# weights (add_param_group with weight_decay) and biases (no decay), trained with SGD + AMP
# (scaler.scale(loss).backward()). Clean: decay reaches only the weights.
import torch
import torch.nn as nn

from yolox.exp.base_exp import BaseExp  # framework base class, not in this folder


class Exp(BaseExp):
    def __init__(self):
        super().__init__()
        self.num_classes = 80
        self.depth = 0.33
        self.width = 0.50
        self.act = "silu"
        # training config
        self.warmup_epochs = 5
        self.max_epoch = 300
        self.warmup_lr = 0
        self.basic_lr_per_img = 0.01 / 64.0
        self.no_aug_epochs = 15
        # weight decay of optimizer
        self.weight_decay = 5e-4
        # momentum of optimizer
        self.momentum = 0.9

    def get_model(self):
        from yolox.models import YOLOX, YOLOPAFPN, YOLOXHead

        def init_yolo(M):
            for m in M.modules():
                if isinstance(m, nn.BatchNorm2d):
                    m.eps = 1e-3
                    m.momentum = 0.03

        if getattr(self, "model", None) is None:
            in_channels = [256, 512, 1024]
            backbone = YOLOPAFPN(self.depth, self.width, in_channels=in_channels, act=self.act)
            head = YOLOXHead(self.num_classes, self.width, in_channels=in_channels, act=self.act)
            self.model = YOLOX(backbone, head)
        self.model.apply(init_yolo)
        self.model.head.initialize_biases(1e-2)
        return self.model

    def get_optimizer(self, batch_size):
        if "optimizer" not in self.__dict__:
            if self.warmup_epochs > 0:
                lr = self.warmup_lr
            else:
                lr = self.basic_lr_per_img * batch_size

            pg_bn, pg_w, pg_b = [], [], []
            for k, v in self.model.named_modules():
                if hasattr(v, "bias") and isinstance(v.bias, nn.Parameter):
                    pg_b.append(v.bias)  # biases
                if isinstance(v, nn.BatchNorm2d) or "bn" in k:
                    pg_bn.append(v.weight)  # no decay
                elif hasattr(v, "weight") and isinstance(v.weight, nn.Parameter):
                    pg_w.append(v.weight)  # apply decay

            optimizer = torch.optim.SGD(pg_bn, lr=lr, momentum=self.momentum, nesterov=True)
            optimizer.add_param_group({"params": pg_w, "weight_decay": self.weight_decay})
            optimizer.add_param_group({"params": pg_b})
            self.optimizer = optimizer
        return self.optimizer


class Trainer:
    def __init__(self, exp, args):
        self.exp = exp
        self.args = args
        self.amp_training = args.fp16
        self.scaler = torch.cuda.amp.GradScaler(enabled=args.fp16)
        self.model = exp.get_model().cuda()
        self.optimizer = exp.get_optimizer(args.batch_size)
        self.lr_scheduler = None

    def train_one_iter(self, inps, targets, progress_in_iter):
        with torch.cuda.amp.autocast(enabled=self.amp_training):
            outputs = self.model(inps, targets)
        loss = outputs["total_loss"]

        self.optimizer.zero_grad()
        self.scaler.scale(loss).backward()
        self.scaler.step(self.optimizer)
        self.scaler.update()

        lr = self.lr_scheduler.update_lr(progress_in_iter + 1)
        for param_group in self.optimizer.param_groups:
            param_group["lr"] = lr
        return {k: v.item() for k, v in outputs.items()}
