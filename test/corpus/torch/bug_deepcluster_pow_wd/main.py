# Idiom seen in: facebookresearch/deepcluster main.py
# What it reproduces: DeepCluster's --wd is an exponent (weight_decay=10**args.wd); the convnet optimizer
#   takes every trainable parameter (filter on requires_grad) so the BatchNorm scales/shifts and all biases
#   are decayed (WD203), and the per-epoch top-layer optimizer decays the new Linear's bias too (WD203).
import argparse
import time

import numpy as np
import torch
import torch.nn as nn
import torch.backends.cudnn as cudnn

import alexnet
import clustering
from util import AverageMeter

parser = argparse.ArgumentParser(description='PyTorch Implementation of DeepCluster')
parser.add_argument('data', metavar='DIR', help='path to dataset')
parser.add_argument('--clustering', type=str, choices=['Kmeans', 'PIC'], default='Kmeans')
parser.add_argument('--nmb_cluster', '--k', type=int, default=10000)
parser.add_argument('--lr', default=0.05, type=float, help='learning rate (default: 0.05)')
parser.add_argument('--wd', default=-5, type=float, help='weight decay pow (default: -5)')
parser.add_argument('--momentum', default=0.9, type=float, help='momentum (default: 0.9)')
parser.add_argument('--epochs', type=int, default=200)
parser.add_argument('--batch', default=256, type=int)
parser.add_argument('--sobel', action='store_true', help='Sobel filtering')
parser.add_argument('--seed', type=int, default=31)


def train(loader, model, crit, opt, epoch, args):
    losses = AverageMeter()
    model.train()
    optimizer_tl = torch.optim.SGD(
        model.top_layer.parameters(),  # expect: WD203
        lr=args.lr,
        weight_decay=10**args.wd,
    )
    end = time.time()
    for i, (input_tensor, target) in enumerate(loader):
        output = model(input_tensor.cuda())
        loss = crit(output, target.cuda(non_blocking=True))
        losses.update(loss.item(), input_tensor.size(0))
        opt.zero_grad()
        optimizer_tl.zero_grad()
        loss.backward()
        opt.step()
        optimizer_tl.step()
        if i % 200 == 0:
            print('Epoch: [{0}][{1}/{2}]\tLoss: {loss.val:.4f} ({loss.avg:.4f})\tTime {3:.3f}'.format(
                epoch, i, len(loader), time.time() - end, loss=losses))
            end = time.time()
    return losses.avg


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    model = alexnet.alexnet(sobel=args.sobel, bn=True, out=args.nmb_cluster)
    fd = int(model.top_layer.weight.size()[1])
    model.top_layer = None
    model.features = torch.nn.DataParallel(model.features)
    model.cuda()
    cudnn.benchmark = True

    optimizer = torch.optim.SGD(
        filter(lambda x: x.requires_grad, model.parameters()),  # expect: WD203
        lr=args.lr,
        momentum=args.momentum,
        weight_decay=10**args.wd,
    )
    criterion = nn.CrossEntropyLoss().cuda()
    deepcluster = clustering.__dict__[args.clustering](args.nmb_cluster)
    dataset = clustering.load_imagefolder(args.data, args.sobel)

    for epoch in range(args.epochs):
        model.top_layer = None
        model.classifier = nn.Sequential(*list(model.classifier.children())[:-1])
        features = clustering.compute_features(dataset, model, args.batch)
        deepcluster.cluster(features)
        train_dataset = clustering.cluster_assign(deepcluster.images_lists, dataset.imgs)
        sampler = clustering.UnifLabelSampler(int(len(train_dataset)), deepcluster.images_lists)
        train_dataloader = torch.utils.data.DataLoader(train_dataset, batch_size=args.batch,
                                                       sampler=sampler, pin_memory=True)
        mlp = list(model.classifier.children())
        mlp.append(nn.ReLU(inplace=True).cuda())
        model.classifier = nn.Sequential(*mlp)
        model.top_layer = nn.Linear(fd, len(deepcluster.images_lists))
        model.top_layer.weight.data.normal_(0, 0.01)
        model.top_layer.bias.data.zero_()
        model.top_layer.cuda()
        loss = train(train_dataloader, model, criterion, optimizer, epoch, args)
        print('###### Epoch [{0}] clustering loss {1:.3f} ######'.format(epoch, loss))


if __name__ == '__main__':
    main(parser.parse_args())
