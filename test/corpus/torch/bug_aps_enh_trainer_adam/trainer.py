# Idiom seen in: funcwj/aps aps/trainer/base.py
# What it reproduces: Trainer.create_optimizer looks the optimizer class up in a name -> class table and
# builds it on self.task.parameters() with the recipe's optimizer_kwargs; with "adam" and a
# weight_decay the whole enhancement network (biases included) gets coupled L2.
import math
from pathlib import Path

import torch as th


class StopDetector(object):
    def __init__(self, no_impr, mode="min"):
        self.max_no_impr = no_impr
        self.no_impr = 0
        self.mode = mode
        self.best = math.inf if mode == "min" else -math.inf

    def step(self, value):
        better = value < self.best if self.mode == "min" else value > self.best
        if better:
            self.best = value
            self.no_impr = 0
        else:
            self.no_impr += 1
        return self.no_impr == self.max_no_impr


class Trainer(object):
    def __init__(self,
                 task,
                 device_ids=0,
                 checkpoint="cpt",
                 optimizer="adam",
                 optimizer_kwargs=None,
                 lr_scheduler="reduce_lr",
                 lr_scheduler_kwargs=None,
                 clip_gradient=None,
                 no_impr=6,
                 report_metrics=("loss",),
                 **kwargs):
        self.task = task
        self.default_device = th.device(f"cuda:{device_ids}" if th.cuda.is_available() else "cpu")
        self.task.to(self.default_device)
        self.checkpoint = Path(checkpoint)
        self.clip_gradient = clip_gradient
        self.stop_detector = StopDetector(no_impr)
        self.cur_epoch = 0
        self.optimizer = self.create_optimizer(optimizer, optimizer_kwargs or {})
        self.optimizer.zero_grad()
        self.lr_scheduler = th.optim.lr_scheduler.ReduceLROnPlateau(
            self.optimizer, mode="min", **(lr_scheduler_kwargs or {}))

    def create_optimizer(self, optimizer, kwargs, state=None):
        supported_optimizer = {
            "sgd": th.optim.SGD,  # momentum, weight_decay, lr
            "rmsprop": th.optim.RMSprop,  # momentum, weight_decay, lr
            "adam": th.optim.Adam,  # weight_decay, lr
            "adamw": th.optim.AdamW,  # lr, weight_decay
        }
        if optimizer not in supported_optimizer:
            raise ValueError(f"Unknown optimizer: {optimizer}")
        opt = supported_optimizer[optimizer](self.task.parameters(), **kwargs)  # expect: WD203
        print(f"Create optimizer {optimizer}: {kwargs}")
        if state is not None:
            opt.load_state_dict(state)
        return opt

    def train_one_step(self, egs):
        stats = self.task(egs)
        loss = stats["loss"]
        if math.isnan(loss.item()):
            return False
        loss.backward()
        if self.clip_gradient:
            th.nn.utils.clip_grad_norm_(self.task.parameters(), self.clip_gradient)
        self.optimizer.step()
        self.optimizer.zero_grad()
        return True

    def valid_epoch(self, data_loader):
        self.task.eval()
        losses = []
        with th.no_grad():
            for egs in data_loader:
                losses.append(self.task(egs)["loss"].item())
        return sum(losses) / max(len(losses), 1)

    def run(self, trn_loader, dev_loader, num_epochs=100):
        while self.cur_epoch < num_epochs:
            self.cur_epoch += 1
            self.task.train()
            for egs in trn_loader:
                self.train_one_step(egs)
            dev_loss = self.valid_epoch(dev_loader)
            self.lr_scheduler.step(dev_loss)
            th.save(self.task.nnet.state_dict(), self.checkpoint / "last.pt.tar")
            if self.stop_detector.step(dev_loss):
                break
        return self.cur_epoch
