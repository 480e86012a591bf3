# Idiom seen in: ronghuaiyang/arcface-pytorch train.py
# Idiom seen in: ronghuaiyang/arcface-pytorch config/config.py
# What it reproduces: SGD built on two groups, [{'params': model.parameters()}, {'params': metric_fc.parameters()}],
# neither with its own weight_decay, so the optimizer-level weight_decay=5e-4 also decays every BatchNorm
# scale/shift and PReLU slope of the face backbone (the real script does exactly this).
from __future__ import print_function
import os
import time

import numpy as np
import torch
from torch.nn import DataParallel
from torch.optim.lr_scheduler import StepLR
from torch.utils import data

from config import Config
from models import resnet_face18, ArcMarginProduct
from data import Dataset  # face crops loader, not part of this workspace


def save_model(model, save_path, name, iter_cnt):
    save_name = os.path.join(save_path, name + '_' + str(iter_cnt) + '.pth')
    torch.save(model.state_dict(), save_name)
    return save_name


if __name__ == '__main__':
    opt = Config()
    device = torch.device("cuda")

    train_dataset = Dataset(opt.train_root, opt.train_list, phase='train', input_shape=opt.input_shape)
    trainloader = data.DataLoader(train_dataset, batch_size=opt.train_batch_size, shuffle=True,
                                  num_workers=opt.num_workers)

    criterion = torch.nn.CrossEntropyLoss()
    model = resnet_face18()
    metric_fc = ArcMarginProduct(512, opt.num_classes, s=30, m=0.5, easy_margin=opt.easy_margin)

    model.to(device)
    model = DataParallel(model)
    metric_fc.to(device)
    metric_fc = DataParallel(metric_fc)

    if opt.optimizer == 'sgd':
        optimizer = torch.optim.SGD([{'params': model.parameters()}, {'params': metric_fc.parameters()}],  # expect: WD203
                                    lr=opt.lr, weight_decay=opt.weight_decay)
    else:
        optimizer = torch.optim.Adam([{'params': model.parameters()}, {'params': metric_fc.parameters()}],
                                     lr=opt.lr, weight_decay=opt.weight_decay)
    scheduler = StepLR(optimizer, step_size=opt.lr_step, gamma=0.1)

    start = time.time()
    for i in range(opt.max_epoch):
        model.train()
        for ii, (data_input, label) in enumerate(trainloader):
            data_input = data_input.to(device)
            label = label.to(device).long()
            feature = model(data_input)
            output = metric_fc(feature, label)
            loss = criterion(output, label)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

            iters = i * len(trainloader) + ii
            if iters % opt.print_freq == 0:
                pred = np.argmax(output.data.cpu().numpy(), axis=1)
                acc = np.mean((pred == label.data.cpu().numpy()).astype(int))
                speed = opt.print_freq / (time.time() - start)
                print('{} train epoch {} iter {} {} iters/s loss {} acc {}'.format(
                    time.asctime(time.localtime(time.time())), i, ii, speed, loss.item(), acc))
                start = time.time()
        scheduler.step()

        if i % opt.save_interval == 0 or i == opt.max_epoch:
            save_model(model, opt.checkpoints_path, opt.backbone, i)
