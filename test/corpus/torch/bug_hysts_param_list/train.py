# Idiom seen in: hysts/pytorch_image_classification pytorch_image_classification/optim/__init__.py
# Idiom seen in: hysts/pytorch_image_classification pytorch_image_classification/config/defaults.py
# What it reproduces: yacs defaults with train.no_weight_decay_on_bn = False, so get_param_list takes the
# else branch: one group holding list(model.parameters()) with weight_decay, BN and biases decayed by SGD.
import torch
import torch.nn as nn
import torch.nn.functional as F

from defaults import get_default_config
from optim import create_optimizer
from datasets import create_dataloader


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)

    def forward(self, x):
        y = self.conv1(F.relu(self.bn1(x)))
        return self.conv2(F.relu(self.bn2(y)))


class Network(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.stage = nn.Sequential(BasicBlock(16, 32, 2), BasicBlock(32, 64, 2))
        self.bn = nn.BatchNorm2d(64)
        self.fc = nn.Linear(64, n_classes)

    def forward(self, x):
        x = F.relu(self.bn(self.stage(self.conv(x))))
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


def main():
    config = get_default_config()
    config.freeze()
    model = Network(config.model.n_classes).cuda()
    optimizer = create_optimizer(config, model)
    train_loader = create_dataloader(config, is_train=True)
    for epoch in range(config.train.epochs):
        model.train()
        for data, targets in train_loader:
            loss = F.cross_entropy(model(data.cuda()), targets.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
