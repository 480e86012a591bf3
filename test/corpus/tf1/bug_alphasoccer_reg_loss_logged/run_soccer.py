# Idiom seen in: mizworski/AlphaSoccer alphasoccer/actor_critic/run_soccer.py, trainer.py
# What it reproduces: argparse hyper-parameters (reg_fact, vf_coef, learning rate) for the self-play loop;
#   the soccer environment and the MCTS self-play generator come from modules that are not in this folder.
import argparse

import numpy as np

from model import Model
from environment import SoccerEnv
from self_play import generate_self_play


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batch_size', type=int, default=256)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--vf_coef', type=float, default=1.0)
    parser.add_argument('--reg_fact', type=float, default=1e-4)
    parser.add_argument('--n_kernels', type=int, default=128)
    parser.add_argument('--residual_blocks', type=int, default=8)
    parser.add_argument('--n_iter', type=int, default=1000)
    parser.add_argument('--n_games', type=int, default=64)
    args = parser.parse_args()

    env = SoccerEnv()
    model = Model(env.observation_space, env.action_space, args.batch_size, vf_coef=args.vf_coef, lr=args.lr,
                  n_kernels=args.n_kernels, reg_fact=args.reg_fact, residual_blocks=args.residual_blocks)

    train_iter = 0
    for it in range(args.n_iter):
        states, pis, rewards = generate_self_play(env, model, n_games=args.n_games)
        idx = np.random.permutation(len(states))
        for start in range(0, len(idx) - args.batch_size + 1, args.batch_size):
            b = idx[start:start + args.batch_size]
            policy_loss, value_loss = model.train(states[b], pis[b], rewards[b], train_iter)
            train_iter += 1
        print('iter {}: policy {:.4f} value {:.4f}'.format(it, policy_loss, value_loss))
        model.update_best_player()
        model.save(it)


if __name__ == '__main__':
    main()
