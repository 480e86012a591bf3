# Idiom seen in: X-CCS/WE-Tacotron train.py
# What it reproduces: the Tacotron training loop reading `hp` through `from network import *`; a
#   user addition in that idiom guards the optimizer's decay on hp.weight_decay, which hparams.py
#   sets to 0.0, so the decayed optimizer is never built (dead decay machinery).
import argparse
import os

import torch
import torch.nn as nn
from torch import optim

from network import *
from gen_training_loader import DataLoader, collate_fn, SpeechData


def main(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = nn.DataParallel(Tacotron()).to(device)
    dataset = SpeechData(args.dataset_path)

    if hp.weight_decay > 0:  # expect: WD303
        optimizer = optim.Adam(model.parameters(), lr=hp.lr, weight_decay=hp.weight_decay)
    else:
        optimizer = optim.Adam(model.parameters(), lr=hp.lr)

    training_loader = DataLoader(dataset, batch_size=args.batch_size, shuffle=True,
                                 collate_fn=collate_fn, drop_last=True, num_workers=4)
    model = model.train()
    for epoch in range(hp.epochs):
        for i, data_batch in enumerate(training_loader):
            current_step = i + args.restore_step + epoch * len(training_loader) + 1
            optimizer.zero_grad()
            texts = torch.from_numpy(data_batch["text"]).long().to(device)
            mels = torch.from_numpy(data_batch["mel"]).to(device)
            specs = torch.from_numpy(data_batch["spec"]).to(device)
            mel_input = torch.cat([torch.zeros_like(mels[:, :, :1]), mels[:, :, :-1]], dim=2)

            mel_output, linear_output = model.forward(texts, mel_input)
            mel_loss = torch.mean(torch.abs(mel_output - mels))
            linear_loss = torch.mean(torch.abs(linear_output - specs[:, :, :linear_output.size(2)]))
            loss = mel_loss + hp.loss_weight * linear_loss

            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.)
            optimizer.step()

            if current_step % hp.save_step == 0:
                torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict()},
                           os.path.join(hp.checkpoint_path, 'checkpoint_%d.pth.tar' % current_step))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset_path', type=str, help='dataset path', default='dataset')
    parser.add_argument('--restore_step', type=int, help='Global step to restore checkpoint', default=0)
    parser.add_argument('--batch_size', type=int, help='Batch size', default=hp.batch_size)
    args = parser.parse_args()
    main(args)
