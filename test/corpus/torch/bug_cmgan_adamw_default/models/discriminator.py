# Idiom seen in: ruizhecao96/CMGAN src/models/discriminator.py
# What it reproduces: the metric discriminator (spectral-normalized convs, InstanceNorm2d(affine=True), PReLU,
#   Linear head with biases) and the batch PESQ helper; train.py decays all of it through default AdamW.
import numpy as np
import torch
import torch.nn as nn
from joblib import Parallel, delayed
from pesq import pesq


def pesq_loss(clean, noisy, sr=16000):
    try:
        return pesq(sr, clean, noisy, 'wb')
    except Exception:
        return -1


def batch_pesq(clean, noisy):
    pesq_score = Parallel(n_jobs=-1)(delayed(pesq_loss)(c, n) for c, n in zip(clean, noisy))
    pesq_score = np.array(pesq_score)
    if -1 in pesq_score:
        return None
    pesq_score = (pesq_score - 1) / 3.5
    return torch.FloatTensor(pesq_score).to('cuda')


class Discriminator(nn.Module):
    def __init__(self, ndf, in_channel=2):
        super().__init__()
        self.layers = nn.Sequential(
            nn.utils.spectral_norm(nn.Conv2d(in_channel, ndf, (4, 4), (2, 2), (1, 1), bias=False)),
            nn.InstanceNorm2d(ndf, affine=True),
            nn.PReLU(ndf),
            nn.utils.spectral_norm(nn.Conv2d(ndf, ndf * 2, (4, 4), (2, 2), (1, 1), bias=False)),
            nn.InstanceNorm2d(ndf * 2, affine=True),
            nn.PReLU(2 * ndf),
            nn.AdaptiveMaxPool2d(1),
            nn.Flatten(),
            nn.utils.spectral_norm(nn.Linear(ndf * 2, ndf)),
            nn.Dropout(0.3),
            nn.PReLU(ndf),
            nn.utils.spectral_norm(nn.Linear(ndf, 1)),
            nn.Sigmoid(),
        )

    def forward(self, x, y):
        xy = torch.cat([x, y], dim=1)
        return self.layers(xy)
