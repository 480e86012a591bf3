# Idiom seen in: eloqlo/Bag-of-Tricks-for-Image-Classification _transfer-learning/trainer_TL.py
# What it reproduces: CUB-200 transfer learning with three schemes chosen by a CLI string: freeze all
#   but fc, freeze all but the last block, or discriminative fine-tuning with one Adam param group per
#   ResNet stage (lr / 10 ... lr / 2). No group and no optimizer sets weight_decay. Clean.
import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data as data
import torchvision.models as models
import torchvision.transforms as transforms
from torchvision import datasets

from trainer_utils import evaluate, train

parser = argparse.ArgumentParser()
parser.add_argument('--model', type=str, default='resnet50')
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--epochs', type=int, default=30)
parser.add_argument('--root_path', type=str, default='./data')
parser.add_argument('--transfer_learning_scheme', type=str, default='3')
parser.add_argument('--scheduler', type=str, default='yes')
args = parser.parse_args()

pretrained_size = 224
train_transforms = transforms.Compose([
    transforms.Resize(pretrained_size),
    transforms.RandomRotation(5),
    transforms.RandomHorizontalFlip(0.5),
    transforms.RandomCrop(pretrained_size, padding=10),
    transforms.ToTensor(),
    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])
data_dir = os.path.join(args.root_path, 'CUB_200_2011')
train_data = datasets.ImageFolder(root=os.path.join(data_dir, 'train'), transform=train_transforms)
n_train = int(len(train_data) * 0.8)
train_data, valid_data = data.random_split(train_data, [n_train, len(train_data) - n_train])
train_iterator = data.DataLoader(train_data, shuffle=True, batch_size=args.batch_size)
valid_iterator = data.DataLoader(valid_data, batch_size=args.batch_size)

model = getattr(models, args.model)(pretrained=True)
model.fc = nn.Linear(model.fc.in_features, 200)

START_LR = args.lr
if args.transfer_learning_scheme == '1':
    for i, child in enumerate(model.children()):
        if i < 9:
            for param in child.parameters():
                param.requires_grad = False
elif args.transfer_learning_scheme == '2':
    for i, child in enumerate(model.children()):
        if i < 7:
            for param in child.parameters():
                param.requires_grad = False
elif args.transfer_learning_scheme == '3':
    params = [
        {'params': model.conv1.parameters(), 'lr': START_LR / 10},
        {'params': model.bn1.parameters(), 'lr': START_LR / 10},
        {'params': model.layer1.parameters(), 'lr': START_LR / 8},
        {'params': model.layer2.parameters(), 'lr': START_LR / 6},
        {'params': model.layer3.parameters(), 'lr': START_LR / 4},
        {'params': model.layer4.parameters(), 'lr': START_LR / 2},
        {'params': model.fc.parameters()},
    ]
    optimizer = optim.Adam(params, lr=START_LR)

if args.transfer_learning_scheme != '3':
    optimizer = optim.Adam(model.parameters(), lr=START_LR)

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
criterion = nn.CrossEntropyLoss().to(device)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.5) if args.scheduler == 'yes' else None
model = model.to(device)

best_valid_loss = float('inf')
for epoch in range(args.epochs):
    train_loss, train_acc = train(model, train_iterator, optimizer, criterion, device)
    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion, device)
    if scheduler is not None:
        scheduler.step()
    if valid_loss < best_valid_loss:
        best_valid_loss = valid_loss
        torch.save(model.state_dict(), f'{args.model}-tl{args.transfer_learning_scheme}.pt')
    print(f'Epoch {epoch + 1:02} | train {train_loss:.3f}/{train_acc * 100:.2f}% | valid {valid_loss:.3f}/{valid_acc * 100:.2f}%')
