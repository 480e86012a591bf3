# Idiom seen in: LMescheder/GAN_stability train.py
# What it reproduces: the celebA-HQ style config (RMSprop, lr 1e-4, R1 with reg_param 10) as a dict,
# models and optimizers from config.py, EMA generator; clean training with no weight decay.
import argparse
import copy

import torch

from config import build_models, build_optimizers
from trainer import Trainer, update_average
from inputs import get_dataset
from distributions import get_zdist, get_ydist

config = {
    'data': {'type': 'npy', 'train_dir': 'data/celebA', 'img_size': 256, 'nlabels': 1},
    'generator': {'name': 'resnet2', 'kwargs': {'nfilter': 64, 'nfilter_max': 512}},
    'discriminator': {'name': 'resnet2', 'kwargs': {'nfilter': 64, 'nfilter_max': 512}},
    'z_dist': {'type': 'gauss', 'dim': 256},
    'training': {
        'gan_type': 'standard', 'reg_type': 'real', 'reg_param': 10.,
        'optimizer': 'rmsprop', 'lr_g': 1e-4, 'lr_d': 1e-4, 'equalize_lr': False,
        'batch_size': 24, 'model_average_beta': 0.999,
    },
}

parser = argparse.ArgumentParser(description='Train a GAN with different regularization strategies.')
parser.add_argument('--no-cuda', action='store_true')
args = parser.parse_args()
device = torch.device('cuda:0' if (not args.no_cuda and torch.cuda.is_available()) else 'cpu')

train_dataset, nlabels = get_dataset(name=config['data']['type'], data_dir=config['data']['train_dir'],
                                     size=config['data']['img_size'])
train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=config['training']['batch_size'],
                                           shuffle=True, drop_last=True)

generator, discriminator = build_models(config)
generator, discriminator = generator.to(device), discriminator.to(device)
g_optimizer, d_optimizer = build_optimizers(generator, discriminator, config)
generator_test = copy.deepcopy(generator)

ydist = get_ydist(nlabels, device=device)
zdist = get_zdist(config['z_dist']['type'], config['z_dist']['dim'], device=device)

trainer = Trainer(generator, discriminator, g_optimizer, d_optimizer,
                  gan_type=config['training']['gan_type'],
                  reg_type=config['training']['reg_type'],
                  reg_param=config['training']['reg_param'])

it = 0
while True:
    for x_real, y in train_loader:
        it += 1
        x_real, y = x_real.to(device), y.to(device)
        y.clamp_(None, nlabels - 1)
        z = zdist.sample((config['training']['batch_size'],))
        dloss, reg = trainer.discriminator_trainstep(x_real, y, z)
        z = zdist.sample((config['training']['batch_size'],))
        gloss = trainer.generator_trainstep(y, z)
        update_average(generator_test, generator, beta=config['training']['model_average_beta'])
        if it % 1000 == 0:
            print('[it %4d] g_loss = %.4f, d_loss = %.4f, reg=%.4f' % (it, gloss, dloss, reg))
