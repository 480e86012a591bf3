# Idiom seen in: jik876/hifi-gan train.py
# What it reproduces: the repo's optimizers, torch.optim.AdamW(generator.parameters(), lr, betas=...) with no
# weight_decay= (default 0.01) over all parameters, incl. conv biases and the weight_norm g vectors: decay on biases/norm params.
import argparse
import itertools
import json

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

from env import AttrDict
from meldataset import MelDataset, mel_spectrogram, get_dataset_filelist
from models import Generator, MultiScaleDiscriminator, discriminator_loss, generator_loss


def train(a, h):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    generator = Generator(h).to(device)
    msd = MultiScaleDiscriminator().to(device)
    msd2 = MultiScaleDiscriminator().to(device)

    optim_g = torch.optim.AdamW(generator.parameters(), h.learning_rate, betas=[h.adam_b1, h.adam_b2])  # expect: WD203
    optim_d = torch.optim.AdamW(itertools.chain(msd.parameters(), msd2.parameters()),  # expect: WD203
                                h.learning_rate, betas=[h.adam_b1, h.adam_b2])
    scheduler_g = torch.optim.lr_scheduler.ExponentialLR(optim_g, gamma=h.lr_decay)
    scheduler_d = torch.optim.lr_scheduler.ExponentialLR(optim_d, gamma=h.lr_decay)

    training_filelist, _ = get_dataset_filelist(a)
    trainset = MelDataset(training_filelist, h.segment_size, h.n_fft, h.num_mels, h.hop_size)
    train_loader = DataLoader(trainset, batch_size=h.batch_size, shuffle=True, drop_last=True)

    for epoch in range(a.training_epochs):
        for x, y, _, y_mel in train_loader:
            x, y, y_mel = x.to(device), y.to(device).unsqueeze(1), y_mel.to(device)
            y_g_hat = generator(x)
            y_g_hat_mel = mel_spectrogram(y_g_hat.squeeze(1), h.n_fft, h.num_mels, h.sampling_rate, h.hop_size)

            optim_d.zero_grad()
            rs, gs = msd(y, y_g_hat.detach())
            rs2, gs2 = msd2(y, y_g_hat.detach())
            loss_disc_all = discriminator_loss(rs, gs) + discriminator_loss(rs2, gs2)
            loss_disc_all.backward()
            optim_d.step()

            optim_g.zero_grad()
            loss_mel = F.l1_loss(y_mel, y_g_hat_mel) * 45
            _, gs = msd(y, y_g_hat)
            _, gs2 = msd2(y, y_g_hat)
            loss_gen_all = generator_loss(gs) + generator_loss(gs2) + loss_mel
            loss_gen_all.backward()
            optim_g.step()
        scheduler_g.step()
        scheduler_d.step()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--input_training_file', default='LJSpeech-1.1/training.txt')
    parser.add_argument('--config', default='config_v1.json')
    parser.add_argument('--training_epochs', default=3100, type=int)
    a = parser.parse_args()
    with open(a.config) as f:
        h = AttrDict(json.loads(f.read()))
    train(a, h)


if __name__ == '__main__':
    main()
