# Idiom seen in: NVlabs/MUNIT train.py
# What it reproduces: the hyperparameters of configs/edges2handbags_folder.yaml (weight_decay: 0.0001,
# Adam beta1 0.5) kept as a dict, alternating dis_update / gen_update as the repository's loop does.
import argparse

import torch

from data import get_all_data_loaders
from trainer import MUNIT_Trainer

CONFIG = {
    'max_iter': 1000000,
    'batch_size': 1,
    'weight_decay': 0.0001,
    'beta1': 0.5,
    'beta2': 0.999,
    'init': 'kaiming',
    'lr': 0.0001,
    'gan_w': 1,
    'recon_x_w': 10,
    'recon_s_w': 1,
    'recon_c_w': 1,
    'input_dim_a': 3,
    'input_dim_b': 3,
    'gen': {'dim': 64, 'mlp_dim': 256, 'style_dim': 8},
    'dis': {'dim': 64, 'n_layer': 4, 'num_scales': 3},
}

parser = argparse.ArgumentParser()
parser.add_argument('--output_path', type=str, default='.', help="outputs path")
parser.add_argument("--resume", action="store_true")
opts = parser.parse_args()

config = dict(CONFIG)
trainer = MUNIT_Trainer(config)
trainer.cuda()
train_loader_a, train_loader_b, test_loader_a, test_loader_b = get_all_data_loaders(config)

iterations = 0
while True:
    for images_a, images_b in zip(train_loader_a, train_loader_b):
        images_a, images_b = images_a.cuda().detach(), images_b.cuda().detach()
        trainer.dis_update(images_a, images_b, config)
        trainer.gen_update(images_a, images_b, config)
        torch.cuda.synchronize()
        iterations += 1
        if iterations >= config['max_iter']:
            raise SystemExit('Finish training')
