# Idiom seen in: TD-4/DAO core/modules/optims/sgd_warmup_bias_bn_weight.py
# Idiom seen in: TD-4/DAO core/modules/register.py
# What it reproduces: an optimizer registered in a Registers table and built from a config dict: SGD over
# three groups (BN weights no decay, conv/linear weights with weight_decay, biases no decay): clean.
import torch.nn as nn
import torch.nn.functional as F

from register import Registers
import sgd_warmup_bias_bn_weight  # noqa: F401  (registers the optimizer)


@Registers.cls_models.register
class SmallNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(32)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(64)
        self.fc = nn.Linear(64, num_classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.relu(self.bn2(self.conv2(x)))
        return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))


exp = {
    "model": {"type": "SmallNet", "kwargs": {"num_classes": 10}},
    "optimizer": {"type": "sgd_warmup_bias_bn_weight",
                  "kwargs": {"lr": 0.01, "weight_decay": 5e-4, "momentum": 0.9, "warmup_lr": 0, "warmup_epoch": 5}},
}


class Trainer:
    def __init__(self, exp, train_loader):
        self.exp = exp
        self.train_loader = train_loader
        self.model = Registers.cls_models.get(exp["model"]["type"])(**exp["model"]["kwargs"])
        self.optimizer = Registers.optims.get(exp["optimizer"]["type"])(model=self.model, **exp["optimizer"]["kwargs"])

    def train_in_epoch(self, epochs):
        for epoch in range(epochs):
            self.model.train()
            for images, targets in self.train_loader:
                loss = F.cross_entropy(self.model(images), targets)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
