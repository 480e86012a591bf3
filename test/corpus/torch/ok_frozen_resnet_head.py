# Idiom seen in: daicver/PytorchNote 2.finetune.py
# What it reproduces: pretrained ResNet frozen with requires_grad=False, a new fc layer trained alone with
# SGD and no weight_decay at all: nothing decays, nothing is dropped. Clean.
import torch
import torch.nn as nn
import torchvision
from torch import optim

from plant_data import build_loaders  # not in this workspace

NUM_CLASSES = 100
EPOCHS = 15

model = torchvision.models.resnet18(pretrained=True)
for param in model.parameters():
    param.requires_grad = False
# the new head is trainable by default
model.fc = nn.Linear(512, NUM_CLASSES)

optimizer = optim.SGD(model.fc.parameters(), lr=1e-2, momentum=0.9)
criterion = nn.CrossEntropyLoss()
train_loader, val_loader = build_loaders("leaf_disease", batch_size=32)

device = "cuda" if torch.cuda.is_available() else "cpu"
model = model.to(device)

for epoch in range(EPOCHS):
    model.train()
    running = 0.0
    for images, labels in train_loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        loss = criterion(model(images), labels)
        loss.backward()
        optimizer.step()
        running += loss.item()
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for images, labels in val_loader:
            pred = model(images.to(device)).argmax(1).cpu()
            correct += (pred == labels).sum().item()
            total += labels.numel()
    print(f"epoch {epoch}: train loss {running / len(train_loader):.3f} val acc {correct / total:.3f}")
