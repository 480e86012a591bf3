# Idiom seen in: zhangruochi/AlgorithmImplementation pytorch_snippet/lr.py
# What it reproduces: fine-tuning a torchvision ResNet with a small lr on the conv body (picked by id()
# against the new fc) and the default lr on fc; neither group sets its own weight_decay, so SGD's
# weight_decay=1e-4 hits every BatchNorm weight/bias and the fc bias (WD203).
import argparse

import torch
import torch.nn as nn
import torchvision

from datasets import get_loader

parser = argparse.ArgumentParser(description='fine-tune resnet18')
parser.add_argument('--data', default='./data/flowers')
parser.add_argument('--num-classes', type=int, default=102)
parser.add_argument('--epochs', type=int, default=30)
parser.add_argument('--batch-size', type=int, default=64)
args = parser.parse_args()

model = torchvision.models.resnet18(pretrained=True)
model.fc = nn.Linear(model.fc.in_features, args.num_classes)
model = model.cuda()

finetuned_parameters = list(map(id, model.fc.parameters()))
conv_parameters = (p for p in model.parameters() if id(p) not in finetuned_parameters)
parameters = [{'params': conv_parameters, 'lr': 1e-3},
              {'params': model.fc.parameters()}]
optimizer = torch.optim.SGD(parameters, lr=1e-2, momentum=0.9, weight_decay=1e-4)  # expect: WD203
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode='max', patience=5)
criterion = nn.CrossEntropyLoss()

train_loader, val_loader = get_loader(args.data, args.batch_size)
for epoch in range(args.epochs):
    model.train()
    for images, labels in train_loader:
        images, labels = images.cuda(), labels.cuda()
        loss = criterion(model(images), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for images, labels in val_loader:
            pred = model(images.cuda()).argmax(1)
            correct += (pred == labels.cuda()).sum().item()
            total += labels.size(0)
    scheduler.step(correct / total)
