# Idiom seen in: megvii-model/ShuffleNet-Series ShuffleNetV2/utils.py
# What it reproduces: get_parameters(model) splitting named parameters into a decayed group (names with
#   'weight' and more than one dimension: conv/fc kernels) and a group with weight_decay=0. (BN, biases).
import os
import re
import torch
import torch.nn as nn


class CrossEntropyLabelSmooth(nn.Module):
    def __init__(self, num_classes, epsilon):
        super(CrossEntropyLabelSmooth, self).__init__()
        self.num_classes = num_classes
        self.epsilon = epsilon
        self.logsoftmax = nn.LogSoftmax(dim=1)

    def forward(self, inputs, targets):
        log_probs = self.logsoftmax(inputs)
        targets = torch.zeros_like(log_probs).scatter_(1, targets.unsqueeze(1), 1)
        targets = (1 - self.epsilon) * targets + self.epsilon / self.num_classes
        return (-targets * log_probs).mean(0).sum()


def get_lastest_model():
    if not os.path.exists('./models'):
        os.mkdir('./models')
    model_list = sorted(os.listdir('./models/'))
    if not model_list:
        return None, 0
    iters = re.findall(r'\d+', model_list[-1])
    return './models/' + model_list[-1], int(iters[0])


def get_parameters(model):
    group_no_weight_decay = []
    group_weight_decay = []
    for pname, p in model.named_parameters():
        if pname.find('weight') >= 0 and len(p.size()) > 1:
            group_weight_decay.append(p)
        else:
            group_no_weight_decay.append(p)
    assert len(list(model.parameters())) == len(group_weight_decay) + len(group_no_weight_decay)
    groups = [dict(params=group_weight_decay), dict(params=group_no_weight_decay, weight_decay=0.)]
    return groups
