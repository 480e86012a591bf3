# Idiom seen in: facebookresearch/deepcluster util.py
# What it reproduces: the lr schedule that reads each group's weight_decay (lr_0 / sqrt(1 + lr_0 * wd * t)),
#   and the running-average meter used by the training loop.
import numpy as np


def learning_rate_decay(optimizer, t, lr_0):
    for param_group in optimizer.param_groups:
        lr = lr_0 / np.sqrt(1 + lr_0 * param_group['weight_decay'] * t)
        param_group['lr'] = lr


class AverageMeter(object):
    def __init__(self):
        self.reset()

    def reset(self):
        self.val, self.avg, self.sum, self.count = 0, 0, 0, 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count
