# Idiom seen in: vashineyu/NTU-DBME5028 lecture-machine-learning/src/models.py
# What it reproduces: the course's torch logistic-regression module (a single nn.Linear) for flattened
# histopathology patches.
import torch.nn as nn


class LogisticRegressionTorch(nn.Module):
    def __init__(self, input_dim, output_dim=1):
        super().__init__()
        self.linear = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        outputs = self.linear(x)
        return outputs
