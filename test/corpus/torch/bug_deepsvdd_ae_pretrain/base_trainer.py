# Idiom seen in: leggedrobotics/anomaly_navigation anomaly_detection/base/base_trainer.py
# What it reproduces: the abstract trainer that stores optimizer name, lr, milestones, batch size and the
#   weight_decay handed down from the command line.
from abc import ABC, abstractmethod


class BaseTrainer(ABC):
    def __init__(self, optimizer_name: str, lr: float, n_epochs: int, lr_milestones: tuple, batch_size: int,
                 weight_decay: float, device: str, n_jobs_dataloader: int, writer):
        super().__init__()
        self.optimizer_name = optimizer_name
        self.lr = lr
        self.n_epochs = n_epochs
        self.lr_milestones = lr_milestones
        self.batch_size = batch_size
        self.weight_decay = weight_decay
        self.device = device
        self.n_jobs_dataloader = n_jobs_dataloader
        self.writer = writer

    @abstractmethod
    def train(self, dataset, net):
        pass
