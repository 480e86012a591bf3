# Idiom seen in: minzwon/sota-music-tagging-models training/main.py
# Idiom seen in: minzwon/sota-music-tagging-models training/solver.py
# What it reproduces: the entry point: argparse config, a data loader from a module the folder does not
#   hold, and Solver(...).train(), whose optimizers decay every parameter (see solver.py).
import os
import argparse
from torch.backends import cudnn

from solver import Solver


def main(config):
    if not os.path.exists(config.model_save_path):
        os.makedirs(config.model_save_path)

    if config.dataset == 'mtat':
        from data_loader.mtat_loader import get_audio_loader
    elif config.dataset == 'jamendo':
        from data_loader.jamendo_loader import get_audio_loader
    else:
        raise ValueError(config.dataset)

    loader = get_audio_loader(config.data_path, config.batch_size, split='TRAIN',
                              input_length=config.input_length, num_workers=config.num_workers)
    solver = Solver(loader, config)
    solver.train()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--num_workers', type=int, default=0)
    parser.add_argument('--dataset', type=str, default='mtat', choices=['mtat', 'msd', 'jamendo'])
    parser.add_argument('--model_type', type=str, default='fcn')
    parser.add_argument('--n_epochs', type=int, default=200)
    parser.add_argument('--batch_size', type=int, default=16)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--use_tensorboard', type=int, default=1)
    parser.add_argument('--model_save_path', type=str, default='./../models')
    parser.add_argument('--model_load_path', type=str, default='.')
    parser.add_argument('--data_path', type=str, default='./data')
    parser.add_argument('--log_step', type=int, default=20)
    parser.add_argument('--input_length', type=int, default=29 * 16000)

    config = parser.parse_args()
    cudnn.benchmark = True
    print(config)
    main(config)
