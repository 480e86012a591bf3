# Idiom seen in: denisyarats/pytorch_sac_ae train.py
# What it reproduces: argparse defaults (--decoder_weight_lambda 1e-7) handed to SacAeAgent by make_agent;
# the Adam decoder optimizer therefore runs with coupled L2 on all decoder parameters.
import argparse

import dmc2gym
import torch

import utils
from logger import Logger
from sac_ae import SacAeAgent


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--domain_name', default='cheetah')
    parser.add_argument('--task_name', default='run')
    parser.add_argument('--image_size', default=84, type=int)
    parser.add_argument('--frame_stack', default=3, type=int)
    parser.add_argument('--num_train_steps', default=1000000, type=int)
    parser.add_argument('--init_steps', default=1000, type=int)
    parser.add_argument('--batch_size', default=128, type=int)
    parser.add_argument('--hidden_dim', default=1024, type=int)
    parser.add_argument('--encoder_feature_dim', default=50, type=int)
    parser.add_argument('--encoder_lr', default=1e-3, type=float)
    parser.add_argument('--decoder_lr', default=1e-3, type=float)
    parser.add_argument('--decoder_latent_lambda', default=1e-6, type=float)
    parser.add_argument('--decoder_weight_lambda', default=1e-7, type=float)
    parser.add_argument('--num_layers', default=4, type=int)
    parser.add_argument('--num_filters', default=32, type=int)
    parser.add_argument('--seed', default=1, type=int)
    parser.add_argument('--work_dir', default='.', type=str)
    return parser.parse_args()


def make_agent(obs_shape, action_shape, args, device):
    return SacAeAgent(
        obs_shape=obs_shape,
        action_shape=action_shape,
        device=device,
        hidden_dim=args.hidden_dim,
        encoder_feature_dim=args.encoder_feature_dim,
        encoder_lr=args.encoder_lr,
        decoder_lr=args.decoder_lr,
        decoder_latent_lambda=args.decoder_latent_lambda,
        decoder_weight_lambda=args.decoder_weight_lambda,
        num_layers=args.num_layers,
        num_filters=args.num_filters,
    )


def main():
    args = parse_args()
    utils.set_seed_everywhere(args.seed)
    env = dmc2gym.make(domain_name=args.domain_name, task_name=args.task_name, seed=args.seed,
                       from_pixels=True, height=args.image_size, width=args.image_size)
    env = utils.FrameStack(env, k=args.frame_stack)
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

    replay_buffer = utils.ReplayBuffer(obs_shape=env.observation_space.shape,
                                       action_shape=env.action_space.shape,
                                       capacity=1000000, batch_size=args.batch_size, device=device)
    agent = make_agent(env.observation_space.shape, env.action_space.shape, args, device)
    L = Logger(args.work_dir)

    obs = env.reset()
    for step in range(args.num_train_steps):
        if step < args.init_steps:
            action = env.action_space.sample()
        else:
            with utils.eval_mode(agent):
                action = agent.sample_action(obs)
        if step >= args.init_steps:
            agent.update(replay_buffer, L, step)
        next_obs, reward, done, _ = env.step(action)
        replay_buffer.add(obs, action, reward, next_obs, float(done))
        obs = env.reset() if done else next_obs


if __name__ == '__main__':
    main()
