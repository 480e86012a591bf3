# Idiom seen in: huyvnphan/PyTorch_CIFAR10 module.py
# What it reproduces: a plain nn.Module CNN with BatchNorm, wrapped by the LightningModule in lit_module.py.
import torch.nn as nn


def block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
                         nn.MaxPool2d(2))


class ConvNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(block(3, 64), block(64, 128), block(128, 256))
        self.fc = nn.Linear(256 * 4 * 4, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))
