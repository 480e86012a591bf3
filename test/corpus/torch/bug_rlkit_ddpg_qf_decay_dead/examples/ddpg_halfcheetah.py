# Idiom seen in: rail-berkeley/rlkit examples/ddpg.py
# Idiom seen in: rail-berkeley/rlkit rlkit/torch/ddpg/ddpg.py
# What it reproduces: the launcher builds DDPG(**variant['algo_params']) from a dict that never sets
# qf_weight_decay, so the critic's L2 branch in rlkit_torch/ddpg.py never runs (WD303 there).
import gym

from envs.wrappers import NormalizedBoxEnv
from exploration_strategies.ou_strategy import OUStrategy
from exploration_strategies.base import PolicyWrappedWithExplorationStrategy
from networks import FlattenMlp, TanhMlpPolicy
from launchers.launcher_util import setup_logger
import pytorch_util as ptu
from rlkit_torch.ddpg import DDPG


def experiment(variant):
    env = NormalizedBoxEnv(gym.make('HalfCheetah-v2'))
    es = OUStrategy(action_space=env.action_space)
    obs_dim = env.observation_space.low.size
    action_dim = env.action_space.low.size
    qf = FlattenMlp(input_size=obs_dim + action_dim, output_size=1, hidden_sizes=[400, 300])
    policy = TanhMlpPolicy(input_size=obs_dim, output_size=action_dim, hidden_sizes=[400, 300])
    exploration_policy = PolicyWrappedWithExplorationStrategy(exploration_strategy=es, policy=policy)
    algorithm = DDPG(
        env,
        qf=qf,
        policy=policy,
        exploration_policy=exploration_policy,
        **variant['algo_params']
    )
    algorithm.to(ptu.device)
    algorithm.train()


if __name__ == "__main__":
    variant = dict(
        algo_params=dict(
            num_epochs=1000,
            num_steps_per_epoch=1000,
            num_steps_per_eval=1000,
            use_soft_update=True,
            tau=1e-2,
            batch_size=128,
            max_path_length=1000,
            discount=0.99,
            qf_learning_rate=1e-3,
            policy_learning_rate=1e-4,
        ),
        algorithm="DDPG",
    )
    setup_logger('name-of-experiment', variant=variant)
    experiment(variant)
