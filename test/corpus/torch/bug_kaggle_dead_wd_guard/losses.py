# Idiom seen in: YasufumiNakama/kaggle-Toxicity-Classification-2019 code/src/losses.py
# What it reproduces: a loss module holding the penalty helper the training loop calls behind the
# WEIGHT_DECAY guard (sum of squared weights of the model).
import torch.nn as nn


def weight_penalty(model):
    return sum(p.pow(2).sum() for n, p in model.named_parameters() if p.requires_grad and n.endswith('weight'))


class CustomLoss(nn.Module):
    def __init__(self):
        super(CustomLoss, self).__init__()
        self.bce = nn.BCEWithLogitsLoss()

    def forward(self, logits, targets):
        return self.bce(logits.view(-1), targets.view(-1))
