# Idiom seen in: qiuqiangkong/audioset_tagging_cnn pytorch/main.py
# Idiom seen in: qiuqiangkong/audioset_tagging_cnn pytorch/main_adamw.py
# What it reproduces: AudioSet tagging (Cnn14 with BatchNorm) trained with Adam(amsgrad=True, weight_decay=0.),
# mixup, DataParallel and checkpointing of model.module; no decay is applied anywhere, so nothing to report.
import argparse
import logging
import os
import time

import torch
import torch.optim as optim
import torch.utils.data

import config
from data_generator import AudioSetDataset, TrainSampler, EvaluateSampler, collate_fn
from evaluate import Evaluator
from losses import get_loss_func
from models import Cnn14
from pytorch_utils import move_data_to_device, do_mixup
from utilities import create_folder, Mixup


def train(args):
    device = torch.device('cuda') if args.cuda and torch.cuda.is_available() else torch.device('cpu')
    loss_func = get_loss_func(args.loss_type)
    checkpoints_dir = os.path.join(args.workspace, 'checkpoints', 'Cnn14', 'batch_size={}'.format(args.batch_size))
    create_folder(checkpoints_dir)

    model = Cnn14(sample_rate=args.sample_rate, window_size=args.window_size, hop_size=args.hop_size,
                  mel_bins=args.mel_bins, fmin=args.fmin, fmax=args.fmax, classes_num=config.classes_num)
    dataset = AudioSetDataset(sample_rate=args.sample_rate)
    train_sampler = TrainSampler(indexes_hdf5_path=os.path.join(args.workspace, 'hdf5s', 'indexes', 'full_train.h5'),
                                 batch_size=args.batch_size * 2 if 'mixup' in args.augmentation else args.batch_size)
    eval_sampler = EvaluateSampler(indexes_hdf5_path=os.path.join(args.workspace, 'hdf5s', 'indexes', 'eval.h5'),
                                   batch_size=args.batch_size)
    train_loader = torch.utils.data.DataLoader(dataset=dataset, batch_sampler=train_sampler, collate_fn=collate_fn,
                                               num_workers=8, pin_memory=True)
    eval_loader = torch.utils.data.DataLoader(dataset=dataset, batch_sampler=eval_sampler, collate_fn=collate_fn,
                                              num_workers=8, pin_memory=True)
    if 'mixup' in args.augmentation:
        mixup_augmenter = Mixup(mixup_alpha=1.)
    evaluator = Evaluator(model=model)

    optimizer = optim.Adam(model.parameters(), lr=args.learning_rate, betas=(0.9, 0.999), eps=1e-08,
                           weight_decay=0., amsgrad=True)

    model = torch.nn.DataParallel(model)
    if 'cuda' in str(device):
        model.to(device)

    iteration = 0
    time1 = time.time()
    for batch_data_dict in train_loader:
        if iteration % 2000 == 0:
            statistics = evaluator.evaluate(eval_loader)
            logging.info('Validate mAP: {:.3f}'.format(statistics['average_precision'].mean()))
        if iteration % 100000 == 0:
            torch.save({'iteration': iteration, 'model': model.module.state_dict()},
                       os.path.join(checkpoints_dir, '{}_iterations.pth'.format(iteration)))
        if 'mixup' in args.augmentation:
            batch_data_dict['mixup_lambda'] = mixup_augmenter.get_lambda(batch_size=len(batch_data_dict['waveform']))
        for key in batch_data_dict.keys():
            batch_data_dict[key] = move_data_to_device(batch_data_dict[key], device)

        model.train()
        if 'mixup' in args.augmentation:
            batch_output_dict = model(batch_data_dict['waveform'], batch_data_dict['mixup_lambda'])
            batch_target_dict = {'target': do_mixup(batch_data_dict['target'], batch_data_dict['mixup_lambda'])}
        else:
            batch_output_dict = model(batch_data_dict['waveform'], None)
            batch_target_dict = {'target': batch_data_dict['target']}
        loss = loss_func(batch_output_dict, batch_target_dict)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if iteration % 10 == 0:
            print('--- Iteration: {}, train time: {:.3f} s / 10 iterations ---'.format(iteration, time.time() - time1))
            time1 = time.time()
        if iteration == args.early_stop:
            break
        iteration += 1


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Example of parser. ')
    parser.add_argument('--workspace', type=str, required=True)
    parser.add_argument('--sample_rate', type=int, default=32000)
    parser.add_argument('--window_size', type=int, default=1024)
    parser.add_argument('--hop_size', type=int, default=320)
    parser.add_argument('--mel_bins', type=int, default=64)
    parser.add_argument('--fmin', type=int, default=50)
    parser.add_argument('--fmax', type=int, default=14000)
    parser.add_argument('--loss_type', type=str, default='clip_bce', choices=['clip_bce'])
    parser.add_argument('--augmentation', type=str, default='mixup', choices=['none', 'mixup'])
    parser.add_argument('--batch_size', type=int, default=32)
    parser.add_argument('--learning_rate', type=float, default=1e-3)
    parser.add_argument('--early_stop', type=int, default=1000000)
    parser.add_argument('--cuda', action='store_true', default=False)
    train(parser.parse_args())
