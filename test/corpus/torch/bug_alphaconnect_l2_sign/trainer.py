# Idiom seen in: ajpkim/AlphaConnect trainer.py
# What it reproduces: the self-play trainer (replay buffer, SGD with momentum and StepLR); the optimizer no longer
#   has weight_decay because the L2 moved into AlphaLoss, where its sign is wrong (see alpha_loss.py).
import torch

from alpha_loss import AlphaLoss
from alpha_net import AlphaNet
from mcts import mcts_self_play
from replay_buffer import ReplayBuffer
from game.connect4 import Connect4
from utils.load_config import load_config


class Trainer:
    def __init__(self, config):
        self.config = config
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.net = AlphaNet().to(self.device)
        self.replay_buffer = ReplayBuffer(capacity=config.memory_capacity, seed=config.random_seed)
        self.optimizer = torch.optim.SGD(params=self.net.parameters(), lr=config.lr, momentum=config.momentum)
        self.scheduler = torch.optim.lr_scheduler.StepLR(self.optimizer, config.lr_step_size, config.lr_gamma)
        self.loss_fn = AlphaLoss(c=config.l2_const)
        self.training_step_count = 0

    def self_play(self):
        game = Connect4()
        states, Pis, Zs = mcts_self_play(self.net, game, self.config.n_simulations,
                                         self.config.C_puct, self.config.dirichlet_alpha)
        for state, Pi, Z in zip(states, Pis, Zs):
            self.replay_buffer.push(state, Pi, Z)
        return game.history

    def learn(self):
        batch = self.replay_buffer.sample(self.config.batch_size)
        states = torch.stack([x.state for x in batch]).to(self.device)
        Pi = torch.tensor([x.Pi for x in batch], dtype=torch.float32).to(self.device)
        Z = torch.tensor([x.Z for x in batch], dtype=torch.float32).to(self.device)

        self.optimizer.zero_grad()
        V, P = self.net(states)
        loss = self.loss_fn(Z, Pi, V, P, self.net)
        loss.backward()
        self.optimizer.step()
        self.training_step_count += 1
        if self.training_step_count <= self.config.lr_scheduler_last_step:
            self.scheduler.step()


if __name__ == '__main__':
    config = load_config('config.yaml')
    trainer = Trainer(config)
    for _ in range(config.n_iterations):
        trainer.self_play()
        if len(trainer.replay_buffer) >= config.batch_size:
            trainer.learn()
