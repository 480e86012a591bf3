# Idiom seen in: yuqinie98/PatchTST PatchTST_self_supervised/src/learner.py
# What it reproduces: the fastai-style Learner that receives an optimizer factory (opt_func=Adam) and
# builds it in set_opt() on all of self.model.parameters(); freeze()/unfreeze() only flip requires_grad.
import torch
from torch import nn
from torch.optim import Adam


class Learner(object):

    def __init__(self, dls, model, loss_func=None, lr=1e-3, cbs=None, metrics=None, opt_func=Adam, **kwargs):
        self.model, self.dls, self.loss_func, self.lr = model, dls, loss_func, lr
        self.opt_func = opt_func
        self.set_opt()
        self.metrics = metrics
        self.cbs = cbs or []

    def set_opt(self):
        if self.model:
            self.opt = self.opt_func(self.model.parameters(), self.lr)  # expect: WD203
        else:
            self.opt = None

    def fit(self, n_epochs, do_valid=True):
        self.n_epochs = n_epochs
        for self.epoch in range(n_epochs):
            self.model.train()
            for xb, yb in self.dls.train:
                pred = self.model(xb)
                loss = self.loss_func(pred, yb)
                self.opt.zero_grad()
                loss.backward()
                self.opt.step()
            if do_valid and self.dls.valid:
                self.validate()

    def validate(self):
        self.model.eval()
        losses = []
        with torch.no_grad():
            for xb, yb in self.dls.valid:
                losses.append(self.loss_func(self.model(xb), yb).item())
        print(f"epoch {self.epoch}: valid loss {sum(losses) / max(len(losses), 1):.5f}")

    def freeze(self):
        if hasattr(self.model, 'head'):
            for param in self.model.parameters():
                param.requires_grad = False
            for param in self.model.head.parameters():
                param.requires_grad = True

    def unfreeze(self):
        for param in self.model.parameters():
            param.requires_grad = True

    def fine_tune(self, n_epochs, freeze_epochs=1):
        if freeze_epochs > 0:
            print('Finetune the head')
            self.freeze()
            self.fit(freeze_epochs)
        if n_epochs > 0:
            print('Finetune the entire network')
            self.unfreeze()
            self.fit(n_epochs)
