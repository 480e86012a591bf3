# Idiom seen in: openai/CLIP README.md
# What it reproduces: the README's linear probe (frozen CLIP features, sklearn
# LogisticRegression(C=0.316)) ported to a torch Linear head; the user converts C into
# weight_decay = 1/C = 3.16 and trains with plain SGD at lr 1.0: lr*wd = 3.16 flips and grows the
# weights every step; the single group also decays the head's bias.
import os

import clip
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision.datasets import CIFAR100
from tqdm import tqdm

LR = 1.0
WEIGHT_DECAY = 3.16  # expect: WD301
EPOCHS = 100

device = "cuda" if torch.cuda.is_available() else "cpu"
model, preprocess = clip.load('ViT-B/32', device)

root = os.path.expanduser("~/.cache")
train = CIFAR100(root, download=True, train=True, transform=preprocess)
test = CIFAR100(root, download=True, train=False, transform=preprocess)


def get_features(dataset):
    all_features, all_labels = [], []
    with torch.no_grad():
        for images, labels in tqdm(DataLoader(dataset, batch_size=100)):
            features = model.encode_image(images.to(device))
            all_features.append(features)
            all_labels.append(labels)
    return torch.cat(all_features).float(), torch.cat(all_labels).to(device)


train_features, train_labels = get_features(train)
test_features, test_labels = get_features(test)

classifier = nn.Linear(train_features.shape[1], 100).to(device)
optimizer = torch.optim.SGD(classifier.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)  # expect: WD203
criterion = nn.CrossEntropyLoss()

for epoch in range(EPOCHS):
    optimizer.zero_grad()
    loss = criterion(classifier(train_features), train_labels)
    loss.backward()
    optimizer.step()

with torch.no_grad():
    predictions = classifier(test_features).argmax(dim=1)
accuracy = (predictions == test_labels).float().mean().item() * 100.
print(f"Accuracy = {accuracy:.3f}")
