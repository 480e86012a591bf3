# Idiom seen in: layumi/Person_reID_baseline_pytorch train.py
# What it reproduces: person re-ID fine-tuning of a pretrained ResNet-50 with two parameter groups (backbone at
#   0.1*lr, new classifier at lr) that share the optimizer-wide weight_decay=opt.weight_decay (5e-4): neither group
#   excludes the backbone BatchNorm or the classifier's BatchNorm1d/bias parameters, so they are decayed (WD203).
import argparse
import os
import time

import torch
import torch.nn as nn
import torch.optim as optim
import torch.backends.cudnn as cudnn

from model import ft_net
from reid_data import build_market_loaders

try:
    from apex import amp
    from apex.optimizers import FusedSGD
except ImportError:
    print('apex not found; fp16 and FusedSGD are disabled')

parser = argparse.ArgumentParser(description='Training')
parser.add_argument('--gpu_ids', default='0', type=str)
parser.add_argument('--name', default='ft_ResNet50', type=str)
parser.add_argument('--data_dir', default='../Market/pytorch', type=str)
parser.add_argument('--batchsize', default=32, type=int)
parser.add_argument('--lr', default=0.05, type=float)
parser.add_argument('--weight_decay', default=5e-4, type=float, help='More Regularization Smaller Weight.')
parser.add_argument('--total_epoch', default=60, type=int)
parser.add_argument('--droprate', default=0.5, type=float)
parser.add_argument('--stride', default=2, type=int)
parser.add_argument('--linear_num', default=512, type=int)
parser.add_argument('--fp16', action='store_true')
parser.add_argument('--FSGD', action='store_true')
opt = parser.parse_args()

gpu_ids = [int(s) for s in opt.gpu_ids.split(',') if int(s) >= 0]
cudnn.benchmark = True

dataloaders, dataset_sizes, class_names = build_market_loaders(opt.data_dir, opt.batchsize)


def train_model(model, criterion, optimizer, scheduler, num_epochs=25):
    since = time.time()
    for epoch in range(num_epochs):
        model.train(True)
        running_loss, running_corrects = 0.0, 0.0
        for inputs, labels in dataloaders['train']:
            if inputs.shape[0] < opt.batchsize:
                continue
            inputs, labels = inputs.cuda(), labels.cuda()
            optimizer.zero_grad()
            outputs = model(inputs)
            _, preds = torch.max(outputs.data, 1)
            loss = criterion(outputs, labels)
            if opt.fp16:
                with amp.scale_loss(loss, optimizer) as scaled_loss:
                    scaled_loss.backward()
            else:
                loss.backward()
            optimizer.step()
            running_loss += loss.item() * inputs.size(0)
            running_corrects += float(torch.sum(preds == labels.data))
        scheduler.step()
        print('epoch {} loss {:.4f} acc {:.4f}'.format(
            epoch, running_loss / dataset_sizes['train'], running_corrects / dataset_sizes['train']))
    print('Training complete in {:.0f}s'.format(time.time() - since))
    return model


model = ft_net(len(class_names), opt.droprate, opt.stride, linear_num=opt.linear_num)
model = model.cuda()

optim_name = optim.SGD
if opt.FSGD:
    optim_name = FusedSGD

if len(gpu_ids) > 1:
    model = torch.nn.DataParallel(model, device_ids=gpu_ids).cuda()
    net = model.module
else:
    net = model

ignored_params = list(map(id, net.classifier.parameters()))
base_params = filter(lambda p: id(p) not in ignored_params, net.parameters())
classifier_params = net.classifier.parameters()
optimizer_ft = optim_name([  # expect: WD203
    {'params': base_params, 'lr': 0.1 * opt.lr},
    {'params': classifier_params, 'lr': opt.lr},
], weight_decay=opt.weight_decay, momentum=0.9, nesterov=True)

exp_lr_scheduler = optim.lr_scheduler.StepLR(optimizer_ft, step_size=opt.total_epoch * 2 // 3, gamma=0.1)

os.makedirs(os.path.join('./model', opt.name), exist_ok=True)
criterion = nn.CrossEntropyLoss()

if opt.fp16:
    model, optimizer_ft = amp.initialize(model, optimizer_ft, opt_level="O1")

model = train_model(model, criterion, optimizer_ft, exp_lr_scheduler, num_epochs=opt.total_epoch)
