# Idiom seen in: werner-duvaud/muzero-general trainer.py
# What it reproduces: the Trainer picks SGD or Adam from config.optimizer, both over self.model.parameters()
# with weight_decay=config.weight_decay (1e-4 in games/cartpole.py): coupled L2 under Adam, decay on biases/norms.
import copy

import numpy
import torch

import models
from games.cartpole import MuZeroConfig


class Trainer:
    def __init__(self, initial_checkpoint, config):
        self.config = config
        numpy.random.seed(self.config.seed)
        torch.manual_seed(self.config.seed)
        self.model = models.MuZeroNetwork(self.config)
        self.model.set_weights(copy.deepcopy(initial_checkpoint["weights"]))
        self.model.to(torch.device("cuda" if self.config.train_on_gpu else "cpu"))
        self.model.train()
        self.training_step = initial_checkpoint["training_step"]

        if self.config.optimizer == "SGD":
            self.optimizer = torch.optim.SGD(
                self.model.parameters(),  # expect: WD203
                lr=self.config.lr_init,
                momentum=self.config.momentum,
                weight_decay=self.config.weight_decay,
            )
        elif self.config.optimizer == "Adam":
            self.optimizer = torch.optim.Adam(
                self.model.parameters(),  # expect: WD203
                lr=self.config.lr_init,
                weight_decay=self.config.weight_decay,  # expect: WD202
            )
        else:
            raise NotImplementedError(f"{self.config.optimizer} is not implemented.")

    def update_lr(self):
        lr = self.config.lr_init * self.config.lr_decay_rate ** (self.training_step / self.config.lr_decay_steps)
        for param_group in self.optimizer.param_groups:
            param_group["lr"] = lr

    def update_weights(self, batch):
        observation_batch, action_batch, target_value, target_reward, target_policy = batch
        value, reward, policy_logits, hidden_state = self.model.initial_inference(observation_batch)
        value_loss, reward_loss, policy_loss = self.loss_function(value, reward, policy_logits,
                                                                  target_value, target_reward, target_policy)
        loss = (value_loss * self.config.value_loss_weight + reward_loss + policy_loss).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.training_step += 1
        return loss.item()

    @staticmethod
    def loss_function(value, reward, policy_logits, target_value, target_reward, target_policy):
        value_loss = (-target_value * torch.nn.LogSoftmax(dim=1)(value)).sum(1)
        reward_loss = (-target_reward * torch.nn.LogSoftmax(dim=1)(reward)).sum(1)
        policy_loss = (-target_policy * torch.nn.LogSoftmax(dim=1)(policy_logits)).sum(1)
        return value_loss, reward_loss, policy_loss


if __name__ == "__main__":
    from replay_buffer import sample_batches
    trainer = Trainer(models.initial_checkpoint(MuZeroConfig()), MuZeroConfig())
    for batch in sample_batches():
        trainer.update_lr()
        trainer.update_weights(batch)
