# Idiom seen in: ermongroup/ddim main.py
# Idiom seen in: ermongroup/ddim configs/cifar10.yml
# What it reproduces: main.py turns the yaml config (here the cifar10.yml values inline) into a nested
#   namespace with dict2namespace and runs Diffusion(args, config).train(); optim.weight_decay is 0.000.
import argparse
import os

import torch

from runners.diffusion import Diffusion

cifar10_config = {
    'data': {'dataset': 'CIFAR10', 'image_size': 32, 'channels': 3, 'random_flip': True,
             'rescaled': True, 'num_workers': 4},
    'model': {'type': 'simple', 'in_channels': 3, 'out_ch': 3, 'ch': 128, 'ch_mult': [1, 2, 2, 2],
              'num_res_blocks': 2, 'attn_resolutions': [16], 'dropout': 0.1, 'var_type': 'fixedlarge',
              'ema_rate': 0.9999, 'ema': True, 'resamp_with_conv': True},
    'diffusion': {'beta_schedule': 'linear', 'beta_start': 0.0001, 'beta_end': 0.02,
                  'num_diffusion_timesteps': 1000},
    'training': {'batch_size': 128, 'n_epochs': 10000, 'n_iters': 5000000, 'snapshot_freq': 5000},
    'optim': {'weight_decay': 0.000, 'optimizer': 'Adam', 'lr': 0.0002, 'beta1': 0.9, 'amsgrad': False,
              'eps': 0.00000001, 'grad_clip': 1.0},
}


def dict2namespace(config):
    namespace = argparse.Namespace()
    for key, value in config.items():
        if isinstance(value, dict):
            new_value = dict2namespace(value)
        else:
            new_value = value
        setattr(namespace, key, new_value)
    return namespace


def parse_args_and_config():
    parser = argparse.ArgumentParser(description=globals()["__doc__"])
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--exp", type=str, default="exp")
    parser.add_argument("--doc", type=str, default="cifar10")
    args = parser.parse_args()
    args.log_path = os.path.join(args.exp, "logs", args.doc)
    os.makedirs(args.log_path, exist_ok=True)
    return args, dict2namespace(cifar10_config)


if __name__ == "__main__":
    args, config = parse_args_and_config()
    torch.manual_seed(args.seed)
    runner = Diffusion(args, config)
    runner.train()
