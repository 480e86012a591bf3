# Idiom seen in: bubbliiiing/unet-pytorch train.py
# What it reproduces: module-level hyperparameters (`optimizer_type = "adam"`, `weight_decay = 0`) and a dict of
# optimizers indexed by the type; the model is rebound as `model_train`. The decay is 0, so nothing is decayed (clean).
# label-note: the {'adam': ..., 'sgd': ...}[optimizer_type] dict form was seen in another (unnamed) index file of this family.
import os

import numpy as np
import torch
import torch.backends.cudnn as cudnn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader

from nets.unet import Unet
from utils.dataloader import UnetDataset, unet_dataset_collate

if __name__ == "__main__":
    Cuda = True
    num_classes = 21
    input_shape = [512, 512]
    VOCdevkit_path = 'VOCdevkit'

    Init_lr = 1e-4
    momentum = 0.9
    optimizer_type = "adam"
    weight_decay = 0
    # optimizer_type = "sgd"; Init_lr = 1e-2; weight_decay = 1e-4
    batch_size = 8
    UnFreeze_Epoch = 100

    model = Unet(num_classes=num_classes, pretrained=False).train()
    model_train = model.train()
    if Cuda:
        model_train = torch.nn.DataParallel(model)
        cudnn.benchmark = True
        model_train = model_train.cuda()

    with open(os.path.join(VOCdevkit_path, "VOC2007/ImageSets/Segmentation/train.txt"), "r") as f:
        train_lines = f.readlines()

    nbs = 16
    lr_limit_max = 1e-4 if optimizer_type == 'adam' else 1e-1
    Init_lr_fit = min(max(batch_size / nbs * Init_lr, 1e-4), lr_limit_max)

    optimizer = {
        'adam': optim.Adam(model.parameters(), Init_lr_fit, betas=(momentum, 0.999), weight_decay=weight_decay),
        'sgd': optim.SGD(model.parameters(), Init_lr_fit, momentum=momentum, nesterov=True, weight_decay=weight_decay),
    }[optimizer_type]

    train_dataset = UnetDataset(train_lines, input_shape, num_classes, True, VOCdevkit_path)
    gen = DataLoader(train_dataset, shuffle=True, batch_size=batch_size, num_workers=4,
                     pin_memory=True, drop_last=True, collate_fn=unet_dataset_collate)

    cls_weights = torch.from_numpy(np.ones([num_classes], np.float32))
    for epoch in range(UnFreeze_Epoch):
        model_train.train()
        for imgs, pngs, labels in gen:
            if Cuda:
                imgs, pngs, weights = imgs.cuda(), pngs.cuda(), cls_weights.cuda()
            else:
                weights = cls_weights
            optimizer.zero_grad()
            outputs = model_train(imgs)
            loss = F.cross_entropy(outputs, pngs, weight=weights, ignore_index=num_classes)
            loss.backward()
            optimizer.step()
        print('Epoch %d/%d loss %.4f' % (epoch + 1, UnFreeze_Epoch, loss.item()))
