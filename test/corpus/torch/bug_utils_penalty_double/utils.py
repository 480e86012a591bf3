# Idiom seen in: dongchao980612/Python-task Testing/Testing04.py; hanhanyuyuji/SW-Net-for-few-shot regularizationTest.py
# What it reproduces: a project `utils` module with the hand-written penalty helper `l2_penalty(model)`; train.py adds
# it to the loss while the optimizer from optim.py already decays the same weights (double decay).
import torch


def l2_penalty(model):
    """sum of squared weights (biases excluded)"""
    return sum(p.pow(2).sum() for name, p in model.named_parameters() if not name.endswith('bias'))  # expect: WD201


class AverageMeter(object):
    def __init__(self):
        self.sum, self.count = 0.0, 0

    def update(self, val, n=1):
        self.sum += val * n
        self.count += n

    @property
    def avg(self):
        return self.sum / max(self.count, 1)


def accuracy(output, target):
    with torch.no_grad():
        return (output.argmax(1) == target).float().mean().item() * 100.0
