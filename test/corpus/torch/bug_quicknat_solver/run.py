# Idiom seen in: ai-med/quickNAT_pytorch run.py
# What it reproduces: the run script reading settings and handing the model to the Solver with no
#   optim_args of its own, so the Solver's default coupled Adam decay applies.
import argparse

import torch

from data_utils import get_imdb_dataset
from quicknat import QuickNat
from settings import Settings
from solver import Solver


def train(train_params, common_params, data_params, net_params):
    train_data, test_data = get_imdb_dataset(data_params)
    train_loader = torch.utils.data.DataLoader(train_data, batch_size=train_params['train_batch_size'],
                                               shuffle=True, num_workers=4, pin_memory=True)
    val_loader = torch.utils.data.DataLoader(test_data, batch_size=train_params['val_batch_size'],
                                             shuffle=False, num_workers=4, pin_memory=True)
    quicknat_model = QuickNat(net_params)
    solver = Solver(quicknat_model,
                    device=common_params['device'],
                    num_class=net_params['num_class'],
                    model_name=common_params['model_name'],
                    exp_dir_name=train_params['exp_name'],
                    num_epochs=train_params['num_epochs'],
                    lr_scheduler_step_size=train_params['lr_scheduler_step_size'],
                    lr_scheduler_gamma=train_params['lr_scheduler_gamma'])
    solver.train(train_loader, val_loader)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--mode', '-m', required=True, help='run mode, valid values are train and eval')
    parser.add_argument('--settings', '-s', default='settings.ini')
    args = parser.parse_args()
    settings = Settings(args.settings)
    if args.mode == 'train':
        train(settings['TRAINING'], settings['COMMON'], settings['DATA'], settings['NETWORK'])
