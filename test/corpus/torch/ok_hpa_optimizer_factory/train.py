# Idiom seen in: pudae/kaggle-hpa optimizers/optimizer_factory.py
# Idiom seen in: pudae/kaggle-hpa utils/config.py
# What it reproduces: optimizer looked up by name with globals().get(config.optimizer.name) and called with
#   **config.optimizer.params; the preset picks adam with lr only, so the factory default weight_decay=0 applies: clean.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import torch
import tqdm

import config as config_module
from datasets import get_dataloader
from losses import get_loss
from models import get_model
from optimizer_factory import get_optimizer


def train_single_epoch(config, model, dataloader, criterion, optimizer, epoch):
  model.train()
  tbar = tqdm.tqdm(enumerate(dataloader), total=len(dataloader))
  for i, data in tbar:
    images = data['image'].cuda()
    labels = data['label'].cuda()
    logits = model(images)
    loss = criterion(logits, labels)
    loss.backward()
    if config.train.num_grad_acc is None or (i + 1) % config.train.num_grad_acc == 0:
      optimizer.step()
      optimizer.zero_grad()
    tbar.set_description('epoch {}, loss {:.4f}'.format(epoch, loss.item()))


def run(config):
  model = get_model(config).cuda()
  criterion = get_loss(config)
  optimizer = get_optimizer(config, model.parameters())
  dataloader = get_dataloader(config, 'train')
  for epoch in range(config.train.num_epochs):
    train_single_epoch(config, model, dataloader, criterion, optimizer, epoch)
    torch.save({'state_dict': model.state_dict()}, '{}/epoch_{:04d}.pth'.format(config.train.dir, epoch))


def main():
  config = config_module.load()
  run(config)


if __name__ == '__main__':
  main()
