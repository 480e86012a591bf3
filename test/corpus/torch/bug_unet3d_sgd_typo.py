# Idiom seen in: ellisdg/3DUnetCNN unet3d/train/pytorch.py
# What it reproduces: an nnU-Net-style SGD (momentum 0.99, Nesterov) set up through the repo's optimizer
#   factory with a proper no-decay group, but the decay constant lost its minus sign (3e5 for 3e-5):
#   lr*wd = 0.01*3e5 = 3000, far past the Nesterov limit 2(1+m)/(1+2m) ~ 1.34: the weights blow up.
import torch
import torch.nn as nn

from unet3d_data import get_loaders
from unet3d_models import build_or_load_model
from unet3d_utils import epoch_training, epoch_validation, load_criterion

INITIAL_LR = 0.01
MOMENTUM = 0.99
WEIGHT_DECAY = 3e5  # expect: WD301
NUM_EPOCHS = 1000


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if p.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{'params': decay, 'weight_decay': weight_decay},
            {'params': no_decay, 'weight_decay': 0.0}]


def build_optimizer(model, learning_rate, weight_decay):
    return torch.optim.SGD(param_groups(model, weight_decay), lr=learning_rate,
                           momentum=MOMENTUM, nesterov=True)


def poly_lr(epoch, max_epochs, initial_lr, exponent=0.9):
    return initial_lr * (1 - epoch / max_epochs) ** exponent


def main(config):
    model = build_or_load_model('UNet', 'model.h5', n_features=config['n_features'], n_outputs=config['n_outputs'])
    optimizer = build_optimizer(model, INITIAL_LR, WEIGHT_DECAY)
    criterion = load_criterion('per_channel_dice_loss')
    training_loader, validation_loader = get_loaders(config)
    for epoch in range(NUM_EPOCHS):
        optimizer.param_groups[0]['lr'] = poly_lr(epoch, NUM_EPOCHS, INITIAL_LR)
        optimizer.param_groups[1]['lr'] = poly_lr(epoch, NUM_EPOCHS, INITIAL_LR)
        epoch_training(training_loader, model, criterion, optimizer=optimizer, epoch=epoch)
        epoch_validation(validation_loader, model, criterion)


if __name__ == '__main__':
    main({'n_features': 4, 'n_outputs': 3})
