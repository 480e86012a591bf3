# Idiom seen in: LAION-AI/CLIP_benchmark clip_benchmark/metrics/linear_probe.py
# What it reproduces: cache L2-normalised image features of a frozen CLIP model, then train a Linear probe
#   with AdamW(probe.parameters(), lr=lr, weight_decay=0) under a cosine schedule and AMP autocast. The decay is
#   explicitly switched off (AdamW's default 0.01 is overridden), so the probe's bias is not decayed: clean.
import os
import time
from contextlib import suppress

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset
from tqdm import tqdm


def assign_learning_rate(param_group, new_lr):
    param_group["lr"] = new_lr


def _warmup_lr(base_lr, warmup_length, step):
    return base_lr * (step + 1) / warmup_length


def cosine_lr(optimizer, base_lrs, warmup_length, steps):
    if not isinstance(base_lrs, list):
        base_lrs = [base_lrs for _ in optimizer.param_groups]

    def _lr_adjuster(step):
        for param_group, base_lr in zip(optimizer.param_groups, base_lrs):
            if step < warmup_length:
                lr = _warmup_lr(base_lr, warmup_length, step)
            else:
                e = step - warmup_length
                es = steps - warmup_length
                lr = 0.5 * (1 + np.cos(np.pi * e / es)) * base_lr
            assign_learning_rate(param_group, lr)
    return _lr_adjuster


class Featurizer(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input):
        return F.normalize(self.model.encode_image(input), dim=-1)


class FeatureDataset(Dataset):
    def __init__(self, features, targets):
        self.features = features
        self.targets = targets

    def __len__(self):
        return len(self.features)

    def __getitem__(self, i):
        return self.features[i], self.targets[i]


def cache_features(model, dataloader, feature_dir, device, autocast):
    featurizer = torch.nn.DataParallel(Featurizer(model).cuda())
    features, targets = [], []
    with torch.no_grad():
        for images, target in tqdm(dataloader):
            with autocast():
                features.append(featurizer(images.to(device)).cpu())
            targets.append(target)
    torch.save(torch.cat(features), os.path.join(feature_dir, 'features_train.pt'))
    torch.save(torch.cat(targets), os.path.join(feature_dir, 'targets_train.pt'))


def evaluate(model, train_dataloader, batch_size, num_workers, lr, epochs, model_id, feature_root,
             device='cuda', amp=True):
    feature_dir = os.path.join(feature_root, type(train_dataloader.dataset).__name__ + f'-{model_id}')
    os.makedirs(feature_dir, exist_ok=True)
    autocast = torch.cuda.amp.autocast if amp else suppress
    if not os.path.exists(os.path.join(feature_dir, 'targets_train.pt')):
        cache_features(model, train_dataloader, feature_dir, device, autocast)
    features = torch.load(os.path.join(feature_dir, 'features_train.pt'))
    targets = torch.load(os.path.join(feature_dir, 'targets_train.pt'))
    feature_loader = DataLoader(FeatureDataset(features, targets), batch_size=batch_size,
                                shuffle=True, num_workers=num_workers, pin_memory=True)

    probe = torch.nn.Linear(features[0].shape[0], targets.max().item() + 1)
    probe = torch.nn.DataParallel(probe.cuda(), device_ids=list(range(torch.cuda.device_count())))
    optimizer = torch.optim.AdamW(
        probe.parameters(),
        lr=lr,
        weight_decay=0,
    )
    criterion = torch.nn.CrossEntropyLoss()
    len_loader = len(feature_loader)
    scheduler = cosine_lr(optimizer, lr, 0., epochs * len_loader)

    for epoch in range(epochs):
        end = time.time()
        for i, (x, y) in enumerate(feature_loader):
            x, y = x.cuda(), y.cuda()
            scheduler(i + epoch * len_loader)
            optimizer.zero_grad()
            with autocast():
                loss = criterion(probe(x), y)
            loss.backward()
            optimizer.step()
            if (i % 20) == 0:
                print(f"Train Epoch: {epoch} [{i}/{len_loader}]\tLoss: {loss.item():.6f}\t"
                      f"Batch (t) {time.time() - end:.3f}\tLR {optimizer.param_groups[0]['lr']:.5f}")
                end = time.time()
    return probe
