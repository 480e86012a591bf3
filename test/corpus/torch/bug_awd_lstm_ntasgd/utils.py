# Idiom seen in: a-martyn/awd-lstm utils.py
# What it reproduces: NT_ASGD helper that returns plain SGD (no momentum) or ASGD with the stored weight_decay;
# with lr=30 the decay factor lr*wd decides whether decay alone shrinks or flips the weights.
import math
import time

import torch.optim as optim


def epoch_metrics(epoch, epoch_start_time, val_loss):
    return (f'| epoch {epoch:3d} | time: {(time.time() - epoch_start_time):5.2f}s '
            f'| valid loss {val_loss:5.2f} | valid ppl {math.exp(val_loss):8.2f}')


class NT_ASGD():
    """Non-monotonically triggered averaged stochastic gradient descent"""
    def __init__(self, lr, weight_decay, n):
        self.lr = lr
        self.weight_decay = weight_decay
        self.n = n
        self.asgd_triggered = False
        self.losses = []

    def get_optimizer(self, val_loss, model_params):
        n = self.n
        self.losses.append(val_loss)
        if len(self.losses) < n + 1:
            trigger = False
        else:
            trigger = self.losses[-n - 1] < min(self.losses[-n:])
        if not self.asgd_triggered and trigger:
            print('Switching to ASGD')
            self.asgd_triggered = True
        if self.asgd_triggered:
            optimizer = optim.ASGD(model_params, self.lr, t0=0, lambd=0, weight_decay=self.weight_decay)
        else:
            optimizer = optim.SGD(model_params, self.lr, weight_decay=self.weight_decay)
        return optimizer
