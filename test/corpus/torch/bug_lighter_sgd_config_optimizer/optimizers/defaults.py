# Idiom seen in: Xpitfire/lighter examples/minerl/optimizers/defaults.py
# What it reproduces: an optimizer wrapper class (BaseOptimizer style) whose __init__ builds torch SGD from
# self.model.parameters() with momentum and weight_decay taken from the experiment config (5e-4 here, as the
# example JSON config would set it): conv/linear biases and BatchNorm affine params are decayed as well.
import torch


class BaseOptimizer(object):
    def __init__(self, model, config):
        self.model = model
        self.config = config
        self.optimizer = None

    def zero_grad(self):
        self.optimizer.zero_grad()

    def step(self):
        self.optimizer.step()


class Optimizer(BaseOptimizer):
    def __init__(self, model, config):
        super(Optimizer, self).__init__(model, config)
        self.optimizer = torch.optim.SGD(self.model.parameters(),  # expect: WD203
                                         lr=self.config["optimizer"]["lr"],
                                         momentum=self.config["optimizer"]["momentum"],
                                         weight_decay=self.config["optimizer"]["weight_decay"])
