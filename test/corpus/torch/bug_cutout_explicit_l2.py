# Idiom seen in: uoguelph-mlrg/Cutout train.py
# What it reproduces: the Cutout CIFAR training script, whose SGD(cnn.parameters(), ..., weight_decay=5e-4)
#   decays every parameter (BatchNorm and biases included); a realistic user mistake adds an --l2 penalty
#   on the same parameters to the cross entropy, so the weights are decayed twice.
import argparse

import numpy as np
from tqdm import tqdm

import torch
import torch.nn as nn
import torch.backends.cudnn as cudnn
from torch.optim.lr_scheduler import MultiStepLR
from torchvision import datasets, transforms

from util.misc import CSVLogger
from util.cutout import Cutout
from model.resnet import ResNet18
from model.wide_resnet import WideResNet

model_options = ['resnet18', 'wideresnet']
dataset_options = ['cifar10', 'cifar100', 'svhn']

parser = argparse.ArgumentParser(description='CNN')
parser.add_argument('--dataset', '-d', default='cifar10', choices=dataset_options)
parser.add_argument('--model', '-a', default='resnet18', choices=model_options)
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--epochs', type=int, default=200)
parser.add_argument('--learning_rate', type=float, default=0.1)
parser.add_argument('--l2', type=float, default=5e-4, help='explicit L2 penalty on the weights')
parser.add_argument('--data_augmentation', action='store_true', default=False)
parser.add_argument('--cutout', action='store_true', default=False)
parser.add_argument('--n_holes', type=int, default=1)
parser.add_argument('--length', type=int, default=16)
parser.add_argument('--seed', type=int, default=0)

args = parser.parse_args()
torch.manual_seed(args.seed)
cudnn.benchmark = True

normalize = transforms.Normalize(mean=[x / 255.0 for x in [125.3, 123.0, 113.9]],
                                 std=[x / 255.0 for x in [63.0, 62.1, 66.7]])
train_transform = transforms.Compose([])
if args.data_augmentation:
    train_transform.transforms.append(transforms.RandomCrop(32, padding=4))
    train_transform.transforms.append(transforms.RandomHorizontalFlip())
train_transform.transforms.append(transforms.ToTensor())
train_transform.transforms.append(normalize)
if args.cutout:
    train_transform.transforms.append(Cutout(n_holes=args.n_holes, length=args.length))

num_classes = 100 if args.dataset == 'cifar100' else 10
train_dataset = datasets.CIFAR10(root='data/', train=True, transform=train_transform, download=True)
train_loader = torch.utils.data.DataLoader(dataset=train_dataset, batch_size=args.batch_size,
                                           shuffle=True, pin_memory=True, num_workers=2)

if args.model == 'resnet18':
    cnn = ResNet18(num_classes=num_classes)
else:
    cnn = WideResNet(depth=28, num_classes=num_classes, widen_factor=10, dropRate=0.3)

cnn = cnn.cuda()
criterion = nn.CrossEntropyLoss().cuda()
cnn_optimizer = torch.optim.SGD(cnn.parameters(), lr=args.learning_rate,  # expect: WD203
                                momentum=0.9, nesterov=True, weight_decay=5e-4)
scheduler = MultiStepLR(cnn_optimizer, milestones=[60, 120, 160], gamma=0.2)

filename = 'logs/' + args.dataset + '_' + args.model + '.csv'
csv_logger = CSVLogger(args=args, fieldnames=['epoch', 'train_acc'], filename=filename)

for epoch in range(args.epochs):
    xentropy_loss_avg = 0.
    correct = 0.
    total = 0.
    progress_bar = tqdm(train_loader)
    for i, (images, labels) in enumerate(progress_bar):
        images = images.cuda()
        labels = labels.cuda()

        cnn.zero_grad()
        pred = cnn(images)

        l2_penalty = sum(p.pow(2).sum() for p in cnn.parameters())  # expect: WD201
        xentropy_loss = criterion(pred, labels) + args.l2 * l2_penalty
        xentropy_loss.backward()
        cnn_optimizer.step()

        xentropy_loss_avg += xentropy_loss.item()
        pred = torch.max(pred.data, 1)[1]
        total += labels.size(0)
        correct += (pred == labels.data).sum().item()
        progress_bar.set_postfix(xentropy='%.3f' % (xentropy_loss_avg / (i + 1)), acc='%.3f' % (correct / total))

    scheduler.step()
    csv_logger.writerow({'epoch': str(epoch), 'train_acc': str(correct / total)})

torch.save(cnn.state_dict(), 'checkpoints/' + args.dataset + '_' + args.model + '.pt')
csv_logger.close()
