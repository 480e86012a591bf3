# Idiom seen in: bjzhb666/Continual-Learning-Benchmark agents/default.py
# What it reproduces: continual-learning agents built from an agent_config dict; the optimizer class is looked
#   up by name (default Adam) and given 'weight_decay' in a kwargs dict with all of model.parameters():
#   coupled L2 under Adam and decay on biases/BatchNorm. The EWC penalty is a pull to old weights, not decay.
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, out_dim=10, in_channel=1, img_sz=32, hidden_dim=256):
        super(MLP, self).__init__()
        self.in_dim = in_channel * img_sz * img_sz
        self.linear = nn.Sequential(
            nn.Linear(self.in_dim, hidden_dim),
            nn.BatchNorm1d(hidden_dim),
            nn.ReLU(inplace=True),
            nn.Linear(hidden_dim, hidden_dim),
            nn.BatchNorm1d(hidden_dim),
            nn.ReLU(inplace=True),
        )
        self.last = nn.Linear(hidden_dim, out_dim)

    def features(self, x):
        return self.linear(x.view(-1, self.in_dim))

    def forward(self, x):
        return self.last(self.features(x))


def MLP400(out_dim=10):
    return MLP(out_dim=out_dim, hidden_dim=400)
