# Idiom seen in: boostcampaitech3/level2-klue-level2-nlp-04 utilities/criterion/loss.py
# What it reproduces: the team's label-smoothing criterion used by the custom Trainer.
import torch
import torch.nn as nn


class LabelSmoothingLoss(nn.Module):
    def __init__(self, classes=30, smoothing=0.0, dim=-1):
        super(LabelSmoothingLoss, self).__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes
        self.dim = dim

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=self.dim)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.smoothing / (self.cls - 1))
            true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-true_dist * pred, dim=self.dim))
