# Idiom seen in: leedongzheo/pipeline_model optimizer.py
# What it reproduces: segmentation pipeline whose optimizer module does `from config import *` and builds Adam or SGD
# from module constants; the decay constant is typed 5e+2 for 5e-4, so plain SGD has lr*wd = 5 (WD301); the Adam
# branch is coupled L2 (WD202) and both decay all parameters (WD203). The typo is a realistic user mistake, written here.
import argparse

import torch
import torch.nn as nn

from config import *
from dataset import get_dataloaders
from model import UNet
from optimizer import optimizer as build_optimizer


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--optimizer", type=str, default="SGD", choices=["Adam", "SGD"])
    parser.add_argument("--epochs", type=int, default=NUM_EPOCHS)
    return parser.parse_args()


def main():
    args = get_args()
    train_loader, val_loader = get_dataloaders(DATA_ROOT, IMAGE_SIZE, BATCH_SIZE)
    model = UNet(in_channels=3, out_channels=1).to(DEVICE)
    opt = build_optimizer(model, args)
    criterion = nn.BCEWithLogitsLoss()
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for images, masks in train_loader:
            images, masks = images.to(DEVICE), masks.to(DEVICE)
            opt.zero_grad()
            loss = criterion(model(images), masks)
            loss.backward()
            opt.step()
            running += loss.item()
        print(f"epoch {epoch}: {running / len(train_loader):.4f}")


if __name__ == "__main__":
    main()
