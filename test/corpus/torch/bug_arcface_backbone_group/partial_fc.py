# Idiom seen in: deepinsight/insightface recognition/arcface_torch/partial_fc.py
# What it reproduces: PartialFC keeps only a class-center weight matrix (no bias, no norm), so its own
#   SGD with weight_decay decays nothing but that matrix.
import torch
import torch.nn.functional as F
from torch.nn import Module, Parameter


class PartialFC(Module):
    def __init__(self, margin_softmax, num_classes, embedding_size=512, sample_rate=1.0):
        super().__init__()
        self.margin_softmax = margin_softmax
        self.num_classes = num_classes
        self.sample_rate = sample_rate
        self.weight = Parameter(torch.normal(0, 0.01, (num_classes, embedding_size)))

    def forward(self, features, label):
        norm_weight = F.normalize(self.weight)
        logits = F.linear(F.normalize(features), norm_weight)
        logits = self.margin_softmax(logits, label)
        return F.cross_entropy(logits, label)
