# Idiom seen in: quark0/darts cnn/train_search.py
# What it reproduces: the search loop builds SGD(model.parameters(), momentum, weight_decay=args.weight_decay):
#   one decayed group, so the stem BatchNorm and the classifier bias are decayed too (WD203).
import sys
import logging
import argparse
import numpy as np
import torch
import torch.nn as nn
import torch.utils
import torchvision.datasets as dset

import utils
from model_search import Network
from architect import Architect

parser = argparse.ArgumentParser("cifar")
parser.add_argument('--data', type=str, default='../data', help='location of the data corpus')
parser.add_argument('--batch_size', type=int, default=64, help='batch size')
parser.add_argument('--learning_rate', type=float, default=0.025, help='init learning rate')
parser.add_argument('--learning_rate_min', type=float, default=0.001, help='min learning rate')
parser.add_argument('--momentum', type=float, default=0.9, help='momentum')
parser.add_argument('--weight_decay', type=float, default=3e-4, help='weight decay')
parser.add_argument('--epochs', type=int, default=50, help='num of training epochs')
parser.add_argument('--init_channels', type=int, default=16, help='num of init channels')
parser.add_argument('--layers', type=int, default=8, help='total number of layers')
parser.add_argument('--grad_clip', type=float, default=5, help='gradient clipping')
parser.add_argument('--train_portion', type=float, default=0.5, help='portion of training data')
parser.add_argument('--unrolled', action='store_true', default=False, help='use one-step unrolled validation loss')
parser.add_argument('--arch_learning_rate', type=float, default=3e-4, help='learning rate for arch encoding')
parser.add_argument('--arch_weight_decay', type=float, default=1e-3, help='weight decay for arch encoding')
args = parser.parse_args()

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(asctime)s %(message)s')
CIFAR_CLASSES = 10


def main():
  criterion = nn.CrossEntropyLoss()
  model = Network(args.init_channels, CIFAR_CLASSES, args.layers, criterion)

  optimizer = torch.optim.SGD(
      model.parameters(),  # expect: WD203
      args.learning_rate,
      momentum=args.momentum,
      weight_decay=args.weight_decay)

  train_transform, _ = utils._data_transforms_cifar10(args)
  train_data = dset.CIFAR10(root=args.data, train=True, download=True, transform=train_transform)
  indices = list(range(len(train_data)))
  split = int(np.floor(args.train_portion * len(train_data)))
  train_queue = torch.utils.data.DataLoader(
      train_data, batch_size=args.batch_size,
      sampler=torch.utils.data.sampler.SubsetRandomSampler(indices[:split]), num_workers=2)
  valid_queue = torch.utils.data.DataLoader(
      train_data, batch_size=args.batch_size,
      sampler=torch.utils.data.sampler.SubsetRandomSampler(indices[split:]), num_workers=2)

  scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, float(args.epochs), eta_min=args.learning_rate_min)
  architect = Architect(model, args)

  for epoch in range(args.epochs):
    lr = scheduler.get_last_lr()[0]
    logging.info('epoch %d lr %e genotype %s', epoch, lr, model.genotype())
    train(train_queue, valid_queue, model, architect, criterion, optimizer, lr)
    scheduler.step()


def train(train_queue, valid_queue, model, architect, criterion, optimizer, lr):
  objs = utils.AvgrageMeter()
  for step, (input, target) in enumerate(train_queue):
    model.train()
    input_search, target_search = next(iter(valid_queue))
    architect.step(input, target, input_search, target_search, lr, optimizer, unrolled=args.unrolled)

    optimizer.zero_grad()
    logits = model(input)
    loss = criterion(logits, target)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
    optimizer.step()
    objs.update(loss.item(), input.size(0))
  return objs.avg


if __name__ == '__main__':
  main()
