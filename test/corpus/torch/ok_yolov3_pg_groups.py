# Idiom seen in: ultralytics/yolov3 train.py
# What it reproduces: YOLOv3 detector training (SGD path) with the repository's three parameter groups: pg0 (BN
#   weights and other params) added at construction without decay, pg1 ('Conv2d.weight') added with
#   hyp['weight_decay'], pg2 (biases) added without decay; burn-in lr/momentum, apex amp, EMA. Clean.
import argparse
import math
import os

import numpy as np
import torch
import torch.optim as optim
import torch.optim.lr_scheduler as lr_scheduler

import test
from models import Darknet, load_darknet_weights
from utils import torch_utils
from utils.datasets import LoadImagesAndLabels
from utils.utils import compute_loss, init_seeds, labels_to_class_weights, parse_data_cfg

mixed_precision = True
try:
    from apex import amp
except ImportError:
    mixed_precision = False

hyp = {'giou': 3.54, 'cls': 37.4, 'obj': 64.3, 'iou_t': 0.20,
       'lr0': 0.01,  # initial learning rate (SGD=5E-3, Adam=5E-4)
       'lrf': 0.0005,
       'momentum': 0.937,  # SGD momentum
       'weight_decay': 0.0005,  # optimizer weight decay
       'fl_gamma': 0.0}


def train(hyp):
    epochs, batch_size = opt.epochs, opt.batch_size
    accumulate = max(round(64 / batch_size), 1)
    init_seeds()
    data_dict = parse_data_cfg(opt.data)
    nc = int(data_dict['classes'])
    model = Darknet(opt.cfg).to(device)

    # Optimizer
    pg0, pg1, pg2 = [], [], []  # optimizer parameter groups
    for k, v in dict(model.named_parameters()).items():
        if '.bias' in k:
            pg2 += [v]  # biases
        elif 'Conv2d.weight' in k:
            pg1 += [v]  # apply weight_decay
        else:
            pg0 += [v]  # all else
    optimizer = optim.SGD(pg0, lr=hyp['lr0'], momentum=hyp['momentum'], nesterov=True)
    optimizer.add_param_group({'params': pg1, 'weight_decay': hyp['weight_decay']})  # add pg1 with weight_decay
    optimizer.add_param_group({'params': pg2})  # add pg2 (biases)
    print('Optimizer groups: %g .bias, %g Conv2d.weight, %g other' % (len(pg2), len(pg1), len(pg0)))
    del pg0, pg1, pg2

    if opt.weights:
        load_darknet_weights(model, opt.weights)
    if mixed_precision:
        model, optimizer = amp.initialize(model, optimizer, opt_level='O1', verbosity=0)

    lf = lambda x: (((1 + math.cos(x * math.pi / epochs)) / 2) ** 1.0) * 0.95 + 0.05  # cosine
    scheduler = lr_scheduler.LambdaLR(optimizer, lr_lambda=lf)

    dataset = LoadImagesAndLabels(data_dict['train'], opt.img_size, batch_size, augment=True, hyp=hyp)
    dataloader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, num_workers=min(os.cpu_count(), 8),
                                             shuffle=True, pin_memory=True, collate_fn=dataset.collate_fn)
    model.nc, model.hyp, model.gr = nc, hyp, 1.0
    model.class_weights = labels_to_class_weights(dataset.labels, nc).to(device)
    ema = torch_utils.ModelEMA(model)

    nb = len(dataloader)
    n_burn = max(3 * nb, 500)
    for epoch in range(epochs):
        model.train()
        mloss = torch.zeros(4).to(device)
        for i, (imgs, targets, paths, _) in enumerate(dataloader):
            ni = i + nb * epoch
            imgs = imgs.to(device).float() / 255.0
            targets = targets.to(device)
            if ni <= n_burn:
                for j, x in enumerate(optimizer.param_groups):
                    x['lr'] = np.interp(ni, [0, n_burn], [0.1 if j == 2 else 0.0, x['initial_lr'] * lf(epoch)])
                    if 'momentum' in x:
                        x['momentum'] = np.interp(ni, [0, n_burn], [0.9, hyp['momentum']])
            pred = model(imgs)
            loss, loss_items = compute_loss(pred, targets, model)
            if not torch.isfinite(loss):
                print('WARNING: non-finite loss, ending training ', loss_items)
                return
            loss *= batch_size / 64
            if mixed_precision:
                with amp.scale_loss(loss, optimizer) as scaled_loss:
                    scaled_loss.backward()
            else:
                loss.backward()
            if ni % accumulate == 0:
                optimizer.step()
                optimizer.zero_grad()
                ema.update(model)
            mloss = (mloss * i + loss_items) / (i + 1)
        scheduler.step()
        ema.update_attr(model)
        results, maps = test.test(opt.cfg, opt.data, batch_size=batch_size, imgsz=opt.img_size, model=ema.ema)
        print('epoch %g: GIoU/obj/cls/total %s, mAP %.3f' % (epoch, mloss.tolist(), results[2]))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=300)
    parser.add_argument('--batch-size', type=int, default=16)
    parser.add_argument('--cfg', type=str, default='cfg/yolov3-spp.cfg')
    parser.add_argument('--data', type=str, default='data/coco2017.data')
    parser.add_argument('--img-size', type=int, default=512)
    parser.add_argument('--weights', type=str, default='weights/darknet53.conv.74')
    parser.add_argument('--device', default='')
    opt = parser.parse_args()
    device = torch_utils.select_device(opt.device, batch_size=opt.batch_size)
    train(hyp)
