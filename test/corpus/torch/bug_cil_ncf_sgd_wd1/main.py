# Idiom seen in: LiineKasak/collaborative-filtering src/main.py
# What it reproduces: argparse front end whose unset options are filled from each model's default_params();
# 'ncf' trains the blended model, 'mlp_tune' runs the ray-tune grid.
import argparse

import torch

from mlp import MLP
from ncf import NCF
from utils import data_processing

parser = argparse.ArgumentParser(description='Train (, validate and save) a collaborative filtering model.')
parser.add_argument('model', type=str, choices=['ncf', 'mlp_tune'])
parser.add_argument('--epochs', '-e', type=int)
parser.add_argument('--learning_rate', '-lr', type=float)
parser.add_argument('--batch_size', '-b', type=int)
parser.add_argument('--device', '-d', type=str, default='cpu')
args = parser.parse_args()


def get_params(params, default_params):
    for arg, value in params.__dict__.items():
        if value is None and hasattr(default_params, arg):
            setattr(params, arg, getattr(default_params, arg))
    return params


if __name__ == '__main__':
    train_data, test_data, n_users, n_movies = data_processing.load_split(0.9)
    device = torch.device(args.device)
    if args.model == 'ncf':
        params = get_params(args, NCF.default_params())
        model = NCF(n_users, n_movies, device=device, epochs=params.epochs, batch_size=params.batch_size,
                    learning_rate=params.learning_rate)
        print(model.fit(train_data, test_data))
    else:
        params = get_params(args, MLP.default_params())
        MLP(n_users, n_movies, num_epochs=params.epochs, device=device).tune_params(train_data, test_data)
