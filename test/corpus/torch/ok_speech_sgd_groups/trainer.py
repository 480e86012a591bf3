# Idiom seen in: IIP-Sogang/speech-pooling-benchmark optimizer/adam.py
# What it reproduces: the voxceleb_trainer layout, an optimizer module exposing
# Optimizer(parameters, lr, weight_decay, **kwargs); the trainer passes no-bias-decay parameter groups
# (1-d tensors and biases at 0) to the SGD version. Clean: SGD decay on weights only, small lr*wd.
import argparse

import torch
import torch.nn as nn

from optimizer.sgd import Optimizer
from DatasetLoader import get_data_loader


def add_weight_decay(model, weight_decay=1e-5, skip_list=()):
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if len(param.shape) == 1 or name.endswith(".bias") or name in skip_list:
            no_decay.append(param)
        else:
            decay.append(param)
    return [{'params': no_decay, 'weight_decay': 0.}, {'params': decay, 'weight_decay': weight_decay}]


class SpeakerNet(nn.Module):
    def __init__(self, n_mels=40, nOut=512, n_speakers=1211):
        super().__init__()
        self.frame = nn.Sequential(
            nn.Conv1d(n_mels, 512, 5, padding=2), nn.BatchNorm1d(512), nn.ReLU(),
            nn.Conv1d(512, 512, 3, padding=1), nn.BatchNorm1d(512), nn.ReLU())
        self.embed = nn.Linear(1024, nOut)
        self.classifier = nn.Linear(nOut, n_speakers)

    def forward(self, x):
        h = self.frame(x)
        stats = torch.cat([h.mean(-1), h.std(-1)], dim=1)
        return self.classifier(self.embed(stats))


parser = argparse.ArgumentParser(description="SpeakerNet")
parser.add_argument('--lr', type=float, default=0.1)
parser.add_argument('--weight_decay', type=float, default=5e-4)
parser.add_argument('--max_epoch', type=int, default=100)
args = parser.parse_args()

model = SpeakerNet().cuda()
optimizer = Optimizer(add_weight_decay(model, args.weight_decay), lr=args.lr, weight_decay=0.0)
criterion = nn.CrossEntropyLoss()
loader = get_data_loader(batch_size=200)

for epoch in range(args.max_epoch):
    for feats, label in loader:
        feats, label = feats.cuda(), label.cuda()
        loss = criterion(model(feats), label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print('epoch', epoch, loss.item())
