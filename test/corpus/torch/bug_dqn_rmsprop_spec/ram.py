# Idiom seen in: hungtuchen/pytorch-dqn main.py
# Idiom seen in: hungtuchen/pytorch-dqn dqn_learn.py
# What it reproduces: OptimizerSpec(constructor, kwargs) splatted into constructor(Q.parameters(), **kwargs); the user
#   switches to RMSprop and adds weight_decay to the kwargs (user mistake in the repo idiom): coupled L2 under RMSprop,
#   on the Q-network biases too.
import gym
import torch.optim as optim

from dqn_learn import OptimizerSpec, dqn_learing
from dqn_model import DQN_RAM
from utils.gym import get_ram_env
from utils.schedule import LinearSchedule

BATCH_SIZE = 32
GAMMA = 0.99
REPLAY_BUFFER_SIZE = 1000000
LEARNING_STARTS = 50000
LEARNING_FREQ = 4
TARGER_UPDATE_FREQ = 10000
LEARNING_RATE = 0.00025
ALPHA = 0.95
EPS = 0.01
WEIGHT_DECAY = 1e-5


def main(env, num_timesteps=int(4e7)):
    optimizer_spec = OptimizerSpec(
        constructor=optim.RMSprop,
        kwargs=dict(alpha=ALPHA, eps=EPS, weight_decay=WEIGHT_DECAY),  # expect: WD202
        lr_schedule=LinearSchedule(num_timesteps, LEARNING_RATE * 0.1, LEARNING_RATE),
    )
    exploration_schedule = LinearSchedule(1000000, 0.1)

    dqn_learing(
        env=env,
        q_func=DQN_RAM,
        optimizer_spec=optimizer_spec,
        exploration=exploration_schedule,
        replay_buffer_size=REPLAY_BUFFER_SIZE,
        batch_size=BATCH_SIZE,
        gamma=GAMMA,
        learning_starts=LEARNING_STARTS,
        learning_freq=LEARNING_FREQ,
        target_update_freq=TARGER_UPDATE_FREQ,
    )


if __name__ == '__main__':
    env = get_ram_env(gym.make('Pong-ram-v0'), seed=0)
    main(env)
