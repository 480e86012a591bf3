# Idiom seen in: X-CCS/WE-Tacotron train.py
# What it reproduces: the Tacotron loop with Adam(lr=hp.lr) and no optimizer decay; an L2 penalty on
#   the weight tensors is added to the L1 spectrogram loss when hp.l2_reg > 0, and hparams.py sets it
#   to 1e-6, so the guarded penalty is live and trained. Clean.
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
    optimizer = optim.Adam(model.parameters(), lr=hp.lr)
    training_loader = DataLoader(SpeechData(args.dataset_path), batch_size=args.batch_size, shuffle=True,
                                 collate_fn=collate_fn, drop_last=True, num_workers=4)
    model = model.train()
    for epoch in range(hp.epochs):
        for i, data_batch in enumerate(training_loader):
            current_step = i + epoch * len(training_loader) + 1
            optimizer.zero_grad()
            texts = torch.from_numpy(data_batch["text"]).long().to(device)
            mels = torch.from_numpy(data_batch["mel"]).to(device)
            specs = torch.from_numpy(data_batch["spec"]).to(device)
            mel_input = torch.cat([torch.zeros_like(mels[:, :, :1]), mels[:, :, :-1]], dim=2)

            mel_output, linear_output = model.forward(texts, mel_input)
            mel_loss = torch.mean(torch.abs(mel_output - mels))
            linear_loss = torch.mean(torch.abs(linear_output - specs[:, :, :linear_output.size(2)]))
            loss = mel_loss + hp.loss_weight * linear_loss
            if hp.l2_reg > 0:
                l2 = sum(p.pow(2).sum() for n, p in model.named_parameters() if n.endswith('weight') and p.dim() > 1)
                loss = loss + hp.l2_reg * l2

            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.)
            optimizer.step()
            if current_step % hp.save_step == 0:
                torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict()},
                           os.path.join(hp.checkpoint_path, 'checkpoint_%d.pth.tar' % current_step))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset_path', type=str, default='dataset')
    parser.add_argument('--batch_size', type=int, default=hp.batch_size)
    main(parser.parse_args())
