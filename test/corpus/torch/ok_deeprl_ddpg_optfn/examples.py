# Idiom seen in: ShangtongZhang/DeepRL examples.py
# What it reproduces: the experiment is a Config object filled with lambdas; the DDPG recipe hands
#   `lambda params: torch.optim.Adam(params, lr=1e-3)` to the network for both actor and critic, with no
#   weight_decay (unlike the paper's 1e-2 critic L2). Clean.
import torch
import torch.nn.functional as F

from component import Task, UniformReplay, OrnsteinUhlenbeckProcess, LinearSchedule
from network_heads import DeterministicActorCriticNet, FCBody
from DDPG_agent import DDPGAgent


class Config:
    def __init__(self):
        self.task_fn = None
        self.network_fn = None
        self.replay_fn = None
        self.random_process_fn = None
        self.discount = None
        self.warm_up = 0
        self.target_network_mix = 0.001
        self.max_steps = 0

    def merge(self, config_dict):
        for key, value in config_dict.items():
            setattr(self, key, value)


def run_steps(agent):
    while agent.total_steps < agent.config.max_steps:
        agent.step()


def ddpg_continuous(**kwargs):
    config = Config()
    config.merge(kwargs)

    config.task_fn = lambda: Task(config.game)
    config.max_steps = int(1e6)
    state_dim, action_dim = 17, 6

    config.network_fn = lambda: DeterministicActorCriticNet(
        state_dim, action_dim,
        actor_body=FCBody(state_dim, (400, 300), gate=F.relu),
        critic_body=FCBody(state_dim + action_dim, (400, 300), gate=F.relu),
        actor_opt_fn=lambda params: torch.optim.Adam(params, lr=1e-3),
        critic_opt_fn=lambda params: torch.optim.Adam(params, lr=1e-3))

    config.replay_fn = lambda: UniformReplay(memory_size=int(1e6), batch_size=100)
    config.discount = 0.99
    config.random_process_fn = lambda: OrnsteinUhlenbeckProcess(size=(action_dim,), std=LinearSchedule(0.2))
    config.warm_up = int(1e4)
    config.target_network_mix = 5e-3
    run_steps(DDPGAgent(config))


if __name__ == '__main__':
    ddpg_continuous(game='HalfCheetah-v2', run=0)
