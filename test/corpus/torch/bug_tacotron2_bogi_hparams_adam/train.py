# Idiom seen in: BogiHsu/Tacotron2-PyTorch train.py
# Idiom seen in: BogiHsu/Tacotron2-PyTorch hparams.py
# What it reproduces: Adam(model.parameters(), lr=hps.lr, weight_decay=hps.weight_decay) for Tacotron2:
#   coupled L2 under Adam, on every bias, BatchNorm of the postnet and the embedding (repo's own code);
#   the optimizer state is restored from the checkpoint on resume.
import argparse
import os
import time

import torch
from torch.utils.data import DataLoader

from dataset import ljdataset, ljcollate
from hparams import hparams as hps
from model.model import Tacotron2, Tacotron2Loss


def prepare_dataloaders(fdir):
    trainset = ljdataset(fdir)
    collate_fn = ljcollate(hps.n_frames_per_step)
    return DataLoader(trainset, num_workers=hps.n_workers, shuffle=True, batch_size=hps.batch_size,
                      pin_memory=hps.pin_mem, drop_last=True, collate_fn=collate_fn)


def load_checkpoint(ckpt_pth, model, optimizer):
    ckpt_dict = torch.load(ckpt_pth)
    model.load_state_dict(ckpt_dict['model'])
    optimizer.load_state_dict(ckpt_dict['optimizer'])
    return model, optimizer, ckpt_dict['iteration']


def save_checkpoint(model, optimizer, iteration, ckpt_pth):
    torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict(), 'iteration': iteration}, ckpt_pth)


def train(args):
    model = Tacotron2()
    optimizer = torch.optim.Adam(model.parameters(), lr=hps.lr, betas=hps.betas, eps=hps.eps, weight_decay=hps.weight_decay)  # expect: WD202, WD203
    criterion = Tacotron2Loss()

    iteration = 1
    if args.ckpt_pth != '':
        model, optimizer, iteration = load_checkpoint(args.ckpt_pth, model, optimizer)
        iteration += 1

    if hps.sch:
        lr_lambda = lambda step: hps.sch_step ** 0.5 * min((step + 1) * hps.sch_step ** -1.5, (step + 1) ** -0.5)
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)

    train_loader = prepare_dataloaders(args.data_dir)
    model.train()
    while iteration <= hps.max_iter:
        for batch in train_loader:
            if iteration > hps.max_iter:
                break
            start = time.perf_counter()
            x, y = model.parse_batch(batch)
            y_pred = model(x)
            loss, item = criterion(y_pred, y)
            model.zero_grad()
            loss.backward()
            grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), hps.grad_clip_thresh)
            optimizer.step()
            if hps.sch:
                scheduler.step()
            if iteration % hps.iters_per_log == 0:
                print('Iter: {} Loss: {:.2e} Grad Norm: {:.2e} {:.1f}s/it'.format(
                    iteration, item, grad_norm, time.perf_counter() - start))
            if args.ckpt_dir != '' and iteration % hps.iters_per_ckpt == 0:
                save_checkpoint(model, optimizer, iteration, os.path.join(args.ckpt_dir, 'ckpt_{}'.format(iteration)))
            iteration += 1


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-d', '--data_dir', type=str, default='data')
    parser.add_argument('-cd', '--ckpt_dir', type=str, default='ckpt')
    parser.add_argument('-cp', '--ckpt_pth', type=str, default='')
    train(parser.parse_args())
