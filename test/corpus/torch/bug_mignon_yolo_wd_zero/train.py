# Idiom seen in: MignonDeveloper/pytorch-tutorials 2. Computer Vision/Object Detection/YOLO v1/train.py
# What it reproduces: the YOLO v1 training entry: model, YoloLoss, VOC loaders from modules the program does
#   not hold, and the optimizer from build_optimizer(model, LEARNING_RATE, WEIGHT_DECAY) with WEIGHT_DECAY = 0
#   (WD303 is reported at the helper's guard).
import torch
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
from tqdm import tqdm

from config import (BATCH_SIZE, DEVICE, EPOCHS, IMG_DIR, LABEL_DIR, LEARNING_RATE, NUM_WORKERS,
                    PIN_MEMORY, WEIGHT_DECAY)
from dataset import VOCDataset
from loss import YoloLoss
from model import YOLOv1
from optim_utils import build_optimizer

torch.manual_seed(123)


class Compose(object):
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, img, bboxes):
        for t in self.transforms:
            img, bboxes = t(img), bboxes
        return img, bboxes


transform = Compose([transforms.Resize((448, 448)), transforms.ToTensor()])


def train_fn(train_loader, model, optimizer, loss_fn):
    loop = tqdm(train_loader, leave=True)
    mean_loss = []
    for x, y in loop:
        x, y = x.to(DEVICE), y.to(DEVICE)
        loss = loss_fn(model(x), y)
        mean_loss.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loop.set_postfix(loss=loss.item())
    print(f"Mean loss was {sum(mean_loss) / len(mean_loss)}")


def main():
    model = YOLOv1(split_size=7, num_boxes=2, num_classes=20).to(DEVICE)
    optimizer = build_optimizer(model, LEARNING_RATE, WEIGHT_DECAY)
    loss_fn = YoloLoss()
    train_dataset = VOCDataset("data/100examples.csv", transform=transform, img_dir=IMG_DIR, label_dir=LABEL_DIR)
    train_loader = DataLoader(dataset=train_dataset, batch_size=BATCH_SIZE, num_workers=NUM_WORKERS,
                              pin_memory=PIN_MEMORY, shuffle=True, drop_last=True)
    for epoch in range(EPOCHS):
        train_fn(train_loader, model, optimizer, loss_fn)


if __name__ == "__main__":
    main()
