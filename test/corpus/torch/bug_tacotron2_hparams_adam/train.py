# Idiom seen in: NVIDIA/tacotron2 train.py
# Idiom seen in: NVIDIA/tacotron2 hparams.py
# What it reproduces: the optimizer is Adam(model.parameters(), weight_decay=hparams.weight_decay):
# coupled L2 (divided by sqrt(v)) applied to all parameters, biases and BatchNorm scales included.
import argparse
import os
import time

import torch
from torch.utils.data import DataLoader

from model import Tacotron2
from data_utils import TextMelLoader, TextMelCollate
from loss_function import Tacotron2Loss
from hparams import create_hparams


def prepare_dataloaders(hparams):
    trainset = TextMelLoader(hparams.training_files, hparams)
    collate_fn = TextMelCollate(hparams.n_frames_per_step if "n_frames_per_step" in hparams else 1)
    train_loader = DataLoader(trainset, num_workers=1, shuffle=True,
                              batch_size=hparams.batch_size, pin_memory=False,
                              drop_last=True, collate_fn=collate_fn)
    return train_loader


def load_model(hparams):
    model = Tacotron2(hparams).cuda()
    return model


def save_checkpoint(model, optimizer, learning_rate, iteration, filepath):
    torch.save({'iteration': iteration,
                'state_dict': model.state_dict(),
                'optimizer': optimizer.state_dict(),
                'learning_rate': learning_rate}, filepath)


def train(output_directory, checkpoint_path, hparams):
    torch.manual_seed(hparams.seed)
    torch.cuda.manual_seed(hparams.seed)

    model = load_model(hparams)
    learning_rate = hparams.learning_rate
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate,  # expect: WD203
                                 weight_decay=hparams.weight_decay)  # expect: WD202

    criterion = Tacotron2Loss()
    train_loader = prepare_dataloaders(hparams)

    iteration = 0
    model.train()
    for epoch in range(hparams.epochs):
        for i, batch in enumerate(train_loader):
            start = time.perf_counter()
            for param_group in optimizer.param_groups:
                param_group['lr'] = learning_rate

            model.zero_grad()
            x, y = model.parse_batch(batch)
            y_pred = model(x)
            loss = criterion(y_pred, y)
            loss.backward()
            grad_norm = torch.nn.utils.clip_grad_norm_(
                model.parameters(), hparams.grad_clip_thresh)
            optimizer.step()

            duration = time.perf_counter() - start
            print("Train loss {} {:.6f} Grad Norm {:.6f} {:.2f}s/it".format(
                iteration, loss.item(), grad_norm, duration))
            if iteration % hparams.iters_per_checkpoint == 0:
                save_checkpoint(model, optimizer, learning_rate, iteration,
                                os.path.join(output_directory, "checkpoint_{}".format(iteration)))
            iteration += 1


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-o', '--output_directory', type=str)
    parser.add_argument('-c', '--checkpoint_path', type=str, default=None)
    parser.add_argument('--hparams', type=str, required=False)
    args = parser.parse_args()
    hparams = create_hparams(args.hparams)

    torch.backends.cudnn.enabled = hparams.cudnn_enabled
    torch.backends.cudnn.benchmark = hparams.cudnn_benchmark
    train(args.output_directory, args.checkpoint_path, hparams)
