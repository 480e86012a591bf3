# Idiom seen in: nerfstudio-project/nerfstudio nerfstudio/engine/trainer.py
# What it reproduces: the trainer's train_iteration: sum the model's loss dict, backward, step every optimizer built
#   from method_config.optimizers over the model's named parameter groups.
import functools

import torch

from method_config import optimizers as optimizer_config
from optimizers import Optimizers
from pipelines import VanillaPipeline


class Trainer:
    def __init__(self, pipeline: VanillaPipeline, max_num_iterations: int = 30000):
        self.pipeline = pipeline
        self.max_num_iterations = max_num_iterations
        param_groups = self.pipeline.get_param_groups()
        self.optimizers = Optimizers(optimizer_config, param_groups)

    def train_iteration(self, step: int):
        self.optimizers.zero_grad_all()
        _, loss_dict, metrics_dict = self.pipeline.get_train_loss_dict(step=step)
        loss = functools.reduce(torch.add, loss_dict.values())
        loss.backward()
        self.optimizers.optimizer_step_all()
        return loss, loss_dict, metrics_dict

    def train(self):
        for step in range(self.max_num_iterations):
            loss, loss_dict, metrics_dict = self.train_iteration(step)
            if step % 100 == 0:
                print(step, loss.item())


if __name__ == "__main__":
    Trainer(VanillaPipeline(data="data/nerfstudio/poster")).train()
