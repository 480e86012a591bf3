# Idiom seen in: timgaripov/swa train.py
# What it reproduces: SWA/SGD CIFAR training script; SGD with momentum gets --wd on all of
# model.parameters(), so the PreResNet's BatchNorm weights/biases and conv/linear biases are decayed too.
import argparse
import os
import time

import torch
import torch.nn.functional as F
import torchvision

import models
import utils

parser = argparse.ArgumentParser(description='SGD/SWA training')
parser.add_argument('--dir', type=str, default=None, required=True)
parser.add_argument('--dataset', type=str, default='CIFAR100')
parser.add_argument('--data_path', type=str, default='./data')
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--model', type=str, default='PreResNet110')
parser.add_argument('--epochs', type=int, default=300)
parser.add_argument('--lr_init', type=float, default=0.1)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--wd', type=float, default=3e-4, help='weight decay')
parser.add_argument('--swa', action='store_true')
parser.add_argument('--swa_start', type=float, default=161)
parser.add_argument('--swa_lr', type=float, default=0.05)
args = parser.parse_args()

os.makedirs(args.dir, exist_ok=True)
torch.manual_seed(1)

model_cfg = getattr(models, args.model)
ds = getattr(torchvision.datasets, args.dataset)
path = os.path.join(args.data_path, args.dataset.lower())
train_set = ds(path, train=True, download=True, transform=model_cfg.transform_train)
test_set = ds(path, train=False, download=True, transform=model_cfg.transform_test)
loaders = {
    'train': torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=4),
    'test': torch.utils.data.DataLoader(test_set, batch_size=args.batch_size, shuffle=False, num_workers=4),
}
num_classes = max(train_set.targets) + 1

model = model_cfg.base(*model_cfg.args, num_classes=num_classes, **model_cfg.kwargs)
model.cuda()
if args.swa:
    swa_model = model_cfg.base(*model_cfg.args, num_classes=num_classes, **model_cfg.kwargs)
    swa_model.cuda()
    swa_n = 0


def schedule(epoch):
    t = epoch / (args.swa_start if args.swa else args.epochs)
    lr_ratio = args.swa_lr / args.lr_init if args.swa else 0.01
    if t <= 0.5:
        factor = 1.0
    elif t <= 0.9:
        factor = 1.0 - (1.0 - lr_ratio) * (t - 0.5) / 0.4
    else:
        factor = lr_ratio
    return args.lr_init * factor


criterion = F.cross_entropy
optimizer = torch.optim.SGD(
    model.parameters(),  # expect: WD203
    lr=args.lr_init,
    momentum=args.momentum,
    weight_decay=args.wd
)

for epoch in range(args.epochs):
    time_ep = time.time()
    lr = schedule(epoch)
    utils.adjust_learning_rate(optimizer, lr)
    train_res = utils.train_epoch(loaders['train'], model, criterion, optimizer)
    test_res = utils.eval(loaders['test'], model, criterion)
    if args.swa and (epoch + 1) >= args.swa_start:
        utils.moving_average(swa_model, model, 1.0 / (swa_n + 1))
        swa_n += 1
        utils.bn_update(loaders['train'], swa_model)
    print(epoch, lr, train_res['loss'], test_res['accuracy'], time.time() - time_ep)
