# Idiom seen in: werner-duvaud/muzero-general games/cartpole.py
# What it reproduces: MuZero game config class: optimizer = "Adam", weight_decay = 1e-4, read by trainer.py,
# which builds torch.optim.Adam(model.parameters(), weight_decay=...) : coupled L2 on all parameters.
import datetime
import pathlib

import gym
import numpy
import torch

from .abstract_game import AbstractGame


class MuZeroConfig:
    def __init__(self):
        self.seed = 0
        self.observation_shape = (1, 1, 4)
        self.action_space = list(range(2))
        self.network = "fullyconnected"
        self.encoding_size = 8
        self.fc_representation_layers = []
        self.fc_dynamics_layers = [16]
        self.fc_reward_layers = [16]
        self.fc_value_layers = [16]
        self.fc_policy_layers = [16]
        self.results_path = pathlib.Path(__file__).resolve().parents[1] / "results" / datetime.datetime.now().strftime("%Y-%m-%d--%H-%M-%S")
        self.training_steps = 10000
        self.batch_size = 128
        self.value_loss_weight = 1
        self.train_on_gpu = torch.cuda.is_available()
        self.optimizer = "Adam"  # "Adam" or "SGD". Paper uses SGD
        self.weight_decay = 1e-4  # L2 weights regularization
        self.momentum = 0.9  # Used only if optimizer is SGD
        self.lr_init = 0.02
        self.lr_decay_rate = 0.8
        self.lr_decay_steps = 1000


class Game(AbstractGame):
    def __init__(self, seed=None):
        self.env = gym.make("CartPole-v1")
        if seed is not None:
            self.env.seed(seed)

    def step(self, action):
        observation, reward, done, _ = self.env.step(action)
        return numpy.array([[observation]]), reward, done

    def reset(self):
        return numpy.array([[self.env.reset()]])
