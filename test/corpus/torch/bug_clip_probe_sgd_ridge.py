# Idiom seen in: LAION-AI/CLIP_benchmark clip_benchmark/metrics/linear_probe.py
# What it reproduces: the cached-feature linear probe (Linear head on L2-normalised CLIP features, cosine
#   schedule from step 0). User mistake: to "match" sklearn's LogisticRegression(C=0.316) the probe switches
#   to plain SGD with weight_decay = 1/C; with lr 0.5, lr*wd = 1.58 >= 1, so decay alone flips the sign of the
#   weights every step (WD301 at the constant). The bias of the probe is decayed too (WD203).
import os
import time

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset

LEARNING_RATE = 0.5
WEIGHT_DECAY = 3.16  # expect: WD301
EPOCHS = 10
BATCH_SIZE = 256


def assign_learning_rate(param_group, new_lr):
    param_group["lr"] = new_lr


def cosine_lr(optimizer, base_lr, warmup_length, steps):
    def _lr_adjuster(step):
        for param_group in optimizer.param_groups:
            if step < warmup_length:
                lr = base_lr * (step + 1) / warmup_length
            else:
                e = step - warmup_length
                es = steps - warmup_length
                lr = 0.5 * (1 + np.cos(np.pi * e / es)) * base_lr
            assign_learning_rate(param_group, lr)
    return _lr_adjuster


class FeatureDataset(Dataset):
    def __init__(self, features, targets):
        self.features = features
        self.targets = targets

    def __len__(self):
        return len(self.features)

    def __getitem__(self, i):
        return self.features[i], self.targets[i]


def train_probe(feature_dir, num_workers=4):
    features = torch.load(os.path.join(feature_dir, 'features_train.pt'))
    targets = torch.load(os.path.join(feature_dir, 'targets_train.pt'))
    feature_loader = DataLoader(FeatureDataset(features, targets), batch_size=BATCH_SIZE,
                                shuffle=True, num_workers=num_workers, pin_memory=True)

    probe = torch.nn.Linear(features[0].shape[0], targets.max().item() + 1)
    probe = torch.nn.DataParallel(probe.cuda(), device_ids=list(range(torch.cuda.device_count())))
    optimizer = torch.optim.SGD(
        probe.parameters(),  # expect: WD203
        lr=LEARNING_RATE,
        weight_decay=WEIGHT_DECAY,
    )
    criterion = torch.nn.CrossEntropyLoss()
    len_loader = len(feature_loader)
    scheduler = cosine_lr(optimizer, LEARNING_RATE, 0., EPOCHS * len_loader)

    for epoch in range(EPOCHS):
        end = time.time()
        for i, (x, y) in enumerate(feature_loader):
            x, y = x.cuda(), y.cuda()
            scheduler(i + epoch * len_loader)
            optimizer.zero_grad()
            with torch.cuda.amp.autocast():
                loss = criterion(probe(x), y)
            loss.backward()
            optimizer.step()
            if (i % 20) == 0:
                print(f"Train Epoch: {epoch} [{i}/{len_loader}]\tLoss: {loss.item():.6f}\t"
                      f"Batch (t) {time.time() - end:.3f}\tLR {optimizer.param_groups[0]['lr']:.5f}")
                end = time.time()
    return probe


if __name__ == '__main__':
    train_probe('./features/ImageNet-ViT-B-32')
