# Idiom seen in: zhengyhn/cifar-practice resnet18.py
# What it reproduces: the per-model entry script that builds a network and calls Solver.train_model with an
#   L2 strength; the Solver's runner logs the penalty but never backpropagates it (see solver.py).
import torchvision
import torch.nn as nn

from solver import Solver


def build_resnet18(num_classes=10):
    model = torchvision.models.resnet18(num_classes=num_classes)
    model.conv1 = nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1, bias=False)
    model.maxpool = nn.Identity()
    return model


if __name__ == '__main__':
    solver = Solver(train_batch_size=256)
    model = build_resnet18()
    solver.train_model(model, learning_rate=1e-3, epochs=200, l2_lambda=5e-4, checkpoint='./checkpoints/resnet18')
