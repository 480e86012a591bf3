# Idiom seen in: black0017/MedicalZooPytorch examples/train_iseg2017_new.py
# What it reproduces: the training script parses --opt (default 'sgd', choices sgd/adam/rmsprop) and calls
# medzoo.create_model(args); the decay itself is set inside create_model.
import argparse
import os

import torch

import medzoo
from lib import medloaders, losses3D, train as medtrain, utils

seed = 1777777


def get_arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument('--batchSz', type=int, default=4)
    parser.add_argument('--dataset_name', type=str, default="iseg2017")
    parser.add_argument('--dim', nargs="+", type=int, default=(64, 64, 64))
    parser.add_argument('--nEpochs', type=int, default=200)
    parser.add_argument('--classes', type=int, default=4)
    parser.add_argument('--inChannels', type=int, default=2)
    parser.add_argument('--lr', default=1e-2, type=float, help='learning rate (default: 1e-2)')
    parser.add_argument('--cuda', action='store_true', default=True)
    parser.add_argument('--model', type=str, default='UNET3D', choices=('UNET3D', 'CNN'))
    parser.add_argument('--opt', type=str, default='sgd', choices=('sgd', 'adam', 'rmsprop'))
    parser.add_argument('--log_dir', type=str, default='../runs/')
    args = parser.parse_args()
    args.save = '../saved_models/' + args.model + '_checkpoints/' + args.model + '_{}_{}_'.format(
        utils.datestr(), args.dataset_name)
    return args


def main():
    args = get_arguments()
    utils.reproducibility(args, seed)
    utils.make_dirs(args.save)

    training_generator, val_generator, full_volume, affine = medloaders.generate_datasets(
        args, path='.././datasets')
    model, optimizer = medzoo.create_model(args)
    criterion = losses3D.DiceLoss(classes=args.classes)

    if args.cuda:
        model = model.cuda()
        print("Model transferred in GPU.....")

    trainer = medtrain.Trainer(args, model, criterion, optimizer, train_data_loader=training_generator,
                               valid_data_loader=val_generator, lr_scheduler=None)
    print("START TRAINING...")
    trainer.training()


if __name__ == '__main__':
    main()
