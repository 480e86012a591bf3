# Idiom seen in: adik993/ppo-pytorch run_cartpole.py
# What it reproduces: the keyword-heavy agent construction of the repo's run scripts.
import torch

from envs import MultiEnv, rollout_dataset
from icm import ICM, MlpICMModel
from models import MLP
from ppo import PPO
from reporters import TensorBoardReporter

if __name__ == '__main__':
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    reporter = TensorBoardReporter()
    env = MultiEnv('CartPole-v1', 4, reporter)
    model = MLP(env.state_converter, env.action_converter).to(device)
    icm = ICM(MlpICMModel(4, 2).to(device), policy_weight=1.0, reward_scale=0.01, weight=0.2,
              intrinsic_reward_integration=0.01, reporter=reporter)
    agent = PPO(model, icm, env.action_converter,
                learning_rate=5e-3,
                clip_range=0.2,
                v_clip_range=0.3,
                c_entropy=1e-2,
                c_value=0.5,
                n_mini_batches=4,
                n_optimization_epochs=5,
                clip_grad_norm=0.5,
                reporter=reporter)
    for epoch in range(200):
        agent.train_on(rollout_dataset(env, model, icm, n_steps=500))
