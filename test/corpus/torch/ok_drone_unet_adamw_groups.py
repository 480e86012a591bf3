# Idiom seen in: ogigo/semantic_segmentation_drone_ optimizer.py
# Idiom seen in: ogigo/semantic_segmentation_drone_ train.py
# What it reproduces: the Kaggle drone-segmentation kernel (UNet-MobileNetV2, AdamW + OneCycleLR), with the AdamW
#   params split by ndim so that BatchNorm scales/shifts and biases get weight_decay 0: clean.
import time

import numpy as np
import segmentation_models_pytorch as smp
import torch
import torch.nn as nn
from tqdm import tqdm

from accuracy import mIoU, pixel_accuracy
from dataloader import get_loaders

device = "cuda" if torch.cuda.is_available() else "cpu"
max_lr = 1e-3
epoch = 15
weight_decay = 1e-4

model = smp.Unet('mobilenet_v2', encoder_weights='imagenet', classes=23, activation=None,
                 encoder_depth=5, decoder_channels=[256, 128, 64, 32, 16])
train_loader, val_loader = get_loaders(batch_size=3)

decay = [p for p in model.parameters() if p.ndim > 1]
no_decay = [p for p in model.parameters() if p.ndim <= 1]
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.AdamW([{'params': decay, 'weight_decay': weight_decay},
                               {'params': no_decay, 'weight_decay': 0.0}], lr=max_lr)
sched = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr, epochs=epoch, steps_per_epoch=len(train_loader))


def fit(epochs, model, train_loader, val_loader, criterion, optimizer, scheduler):
    model.to(device)
    min_loss = np.inf
    for e in range(epochs):
        since = time.time()
        running_loss, iou_score, accuracy = 0, 0, 0
        model.train()
        for image, mask in tqdm(train_loader):
            image, mask = image.to(device), mask.to(device)
            output = model(image)
            loss = criterion(output, mask)
            iou_score += mIoU(output, mask)
            accuracy += pixel_accuracy(output, mask)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            scheduler.step()
            running_loss += loss.item()
        model.eval()
        test_loss = 0
        with torch.no_grad():
            for image, mask in val_loader:
                image, mask = image.to(device), mask.to(device)
                test_loss += criterion(model(image), mask).item()
        if test_loss / len(val_loader) < min_loss:
            min_loss = test_loss / len(val_loader)
            torch.save(model, 'Unet-Mobilenet_v2_mIoU-{:.3f}.pt'.format(iou_score / len(train_loader)))
        print("Epoch:{}/{}.. Train Loss: {:.3f}.. Val Loss: {:.3f}.. Time: {:.2f}m".format(
            e + 1, epochs, running_loss / len(train_loader), test_loss / len(val_loader), (time.time() - since) / 60))


history = fit(epoch, model, train_loader, val_loader, criterion, optimizer, sched)
