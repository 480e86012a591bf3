# Idiom seen in: parkie0517/Investigating-the-Effects-of-Bag-of-Tricks resnet.py
# What it reproduces: a top-to-bottom notebook-style script (ResNet-50, mixup, LR warm-up, cosine
#   decay) where SGD(model.parameters(), momentum=0.9, weight_decay=5e-4) decays everything incl. BN
#   (WD203). The edit keeps an explicit L2 term from an earlier run "to be safe": the same weights are
#   decayed twice (WD201).
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms

from resnet_blocks import Bottleneck, ResNet

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

"""
1. Data
"""
transform_train = transforms.Compose([
    transforms.RandomCrop(32, padding=4),
    transforms.RandomHorizontalFlip(),
    transforms.ToTensor(),
    transforms.Normalize((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
])
trainset = torchvision.datasets.CIFAR10(root='./data', train=True, download=True, transform=transform_train)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=2)


def mixup(x, y, alpha=1.0):
    lam = np.random.beta(alpha, alpha) if alpha > 0 else 1
    index = torch.randperm(x.size(0)).to(x.device)
    return lam * x + (1 - lam) * x[index, :], y, y[index], lam


def mixup_criterion(criterion, pred, y_a, y_b, lam):
    return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)


"""
2. Model
"""
model = ResNet(Bottleneck, [3, 4, 6, 3], dropout_rate=0.2).to(device)


class LRWarmup(torch.optim.lr_scheduler._LRScheduler):
    def __init__(self, optimizer, multiplier, total_epoch, after_scheduler=None):
        self.multiplier = multiplier
        self.total_epoch = total_epoch
        self.after_scheduler = after_scheduler
        self.finished = False
        super().__init__(optimizer)

    def get_lr(self):
        if self.last_epoch >= self.total_epoch:
            if not self.finished and self.after_scheduler:
                self.finished = True
                self.after_scheduler.base_lrs = [b * self.multiplier for b in self.base_lrs]
            return self.after_scheduler.get_last_lr()
        return [b * ((self.multiplier - 1.) * self.last_epoch / self.total_epoch + 1.) for b in self.base_lrs]

    def step(self, epoch=None):
        if self.finished and self.after_scheduler:
            return self.after_scheduler.step(epoch)
        return super().step(epoch)


"""
3. Training
"""
criterion = nn.CrossEntropyLoss()
# optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)  # expect: WD203
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=90)
lr_warmup_scheduler = LRWarmup(optimizer, multiplier=1, total_epoch=5, after_scheduler=scheduler)
l2_lambda = 5e-4

total_epoch = 90
for epoch in range(1, total_epoch + 1):
    train_loss, train_correct, train_cnt = 0.0, 0.0, 0
    model.train()
    for step, (inputs, targets) in enumerate(trainloader):
        inputs, targets = inputs.to(device), targets.to(device)
        mixed_inputs, targets_a, targets_b, lam = mixup(inputs, targets, alpha=1.0)
        optimizer.zero_grad()
        outputs = model(mixed_inputs)
        l2_reg = sum(p.pow(2).sum() for p in model.parameters())  # expect: WD201
        loss = mixup_criterion(criterion, outputs, targets_a, targets_b, lam) + l2_lambda * l2_reg
        loss.backward()
        optimizer.step()

        train_loss += loss.item()
        _, predicted = outputs.max(1)
        train_cnt += targets.size(0)
        train_correct += (lam * predicted.eq(targets_a).sum().float()
                          + (1 - lam) * predicted.eq(targets_b).sum().float()).item()
    lr_warmup_scheduler.step()
    print(f'Epoch {epoch}: loss {train_loss / len(trainloader):.4f} acc {100.0 * train_correct / train_cnt:.2f}%')
