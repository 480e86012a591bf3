# Idiom seen in: liujh168/pytorch-tutorial examples/09_mnist_classifier.py
# What it reproduces: the end-to-end MNIST CNN example (Conv + BatchNorm blocks, OneCycleLR) with its
#   AdamW(model.parameters(), weight_decay=1e-4) split into decay / no-decay groups so that biases and
#   BatchNorm weights are not decayed; decoupled decay applied once: clean.
import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as T
from torch.utils.data import DataLoader

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

transform = T.Compose([T.ToTensor(), T.Normalize((0.1307,), (0.3081,))])
train_set = torchvision.datasets.MNIST("./data", train=True, download=True, transform=transform)
test_set = torchvision.datasets.MNIST("./data", train=False, download=True, transform=transform)
train_loader = DataLoader(train_set, batch_size=128, shuffle=True, num_workers=0)
test_loader = DataLoader(test_set, batch_size=256, shuffle=False, num_workers=0)


class CNNClassifier(nn.Module):
    def __init__(self, num_classes: int = 10):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, kernel_size=3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, kernel_size=3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Linear(64 * 7 * 7, 256), nn.ReLU(), nn.Dropout(0.4), nn.Linear(256, num_classes),
        )

    def forward(self, x):
        return self.classifier(self.conv(x))


model = CNNClassifier().to(device)
criterion = nn.CrossEntropyLoss()

decay_params = [p for n, p in model.named_parameters() if p.ndim > 1]
no_decay_params = [p for n, p in model.named_parameters() if p.ndim <= 1]
optimizer = torch.optim.AdamW(
    [{"params": decay_params, "weight_decay": 1e-4},
     {"params": no_decay_params, "weight_decay": 0.0}],
    lr=1e-3,
)
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-2, steps_per_epoch=len(train_loader), epochs=5)


def train_epoch(model, loader):
    model.train()
    total_loss, correct = 0.0, 0
    for imgs, labels in loader:
        imgs, labels = imgs.to(device), labels.to(device)
        optimizer.zero_grad()
        logits = model(imgs)
        loss = criterion(logits, labels)
        loss.backward()
        optimizer.step()
        scheduler.step()
        total_loss += loss.item() * len(labels)
        correct += (logits.argmax(1) == labels).sum().item()
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


for epoch in range(1, 6):
    train_loss, train_acc = train_epoch(model, train_loader)
    print(f"Epoch {epoch}: loss={train_loss:.4f} acc={train_acc:.4f}")
