# Idiom seen in: sacs-epfl/decentralized-learning-simulator dasklearn/optimizer/sgd.py
# What it reproduces: the thin SGD wrapper every simulated node builds from the session's LearningSettings.
import torch


class SGDOptimizer:

    def __init__(self, model, learning_rate, momentum, weight_decay):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.optimizer = torch.optim.SGD(
            model.parameters(),
            lr=learning_rate,
            momentum=momentum,
            weight_decay=weight_decay)
