# Idiom seen in: xieliang555/Language-Modeling main.py
# What it reproduces: module-level training script; optim.SGD(net.parameters(), lr=cfg.training.lr,
#   weight_decay=cfg.training.weight_decay, momentum=0): the value in config.py makes lr*wd >= 1 (WD301)
#   and the decay also hits the LSTM/decoder biases (WD203).
import argparse
import math
import os

import torch
import torch.nn as nn
import torch.optim as optim

import config as cfg
import data
import model
from utils import init_logger

parser = argparse.ArgumentParser()
parser.add_argument('--device', type=str, default='cuda:0')
parser.add_argument('--resume_training', action='store_true')
args = parser.parse_args()


def train(net, train_loader, criterion, optimizer, logger, epoch):
    net.train()
    running_loss = 0.0
    for batch_idx, batch in enumerate(train_loader):
        optimizer.zero_grad()
        outs = net(batch.text)
        loss = criterion(outs.view(-1, outs.size(-1)), batch.target.view(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.training.grad_clip)
        optimizer.step()
        running_loss += loss.item()
        if batch_idx % 200 == 199:
            logger.info(f'| epoch {epoch:3d} | {batch_idx:5d} batches | ppl {math.exp(running_loss / 200):8.2f}')
            running_loss = 0.0


def evaluate(net, loader, criterion):
    net.eval()
    total = 0.0
    with torch.no_grad():
        for batch in loader:
            outs = net(batch.text)
            total += criterion(outs.view(-1, outs.size(-1)), batch.target.view(-1)).item()
    return total / len(loader)


device = torch.device(args.device)
train_loader, dev_loader, test_loader = data.get_wikitext2(cfg, device)

if cfg.training.model_type == 'rnn':
    net = model.RNNLM(cfg).to(device)
else:
    raise ValueError(cfg.training.model_type)

if cfg.training.optim_type == 'sgd':
    optimizer = optim.SGD(
        net.parameters(), lr=cfg.training.lr,  # expect: WD203
        weight_decay=cfg.training.weight_decay,
        momentum=cfg.training.momentum)
else:
    raise ValueError(cfg.training.optim_type)
criterion = nn.CrossEntropyLoss()

save_root = os.path.join(cfg.data.save_root, 'model_1')
os.makedirs(save_root, exist_ok=True)
logger = init_logger(os.path.join(save_root, 'lm.log'))
ckpt_path = os.path.join(save_root, 'lm.pth')

best_dev_loss = float('inf')
for epoch in range(cfg.training.epochs):
    train(net, train_loader, criterion, optimizer, logger, epoch)
    dev_loss = evaluate(net, dev_loader, criterion)
    logger.info(f'| end of epoch {epoch:3d} | dev ppl {math.exp(dev_loss):8.2f}')
    if dev_loss < best_dev_loss:
        best_dev_loss = dev_loss
        torch.save({'epoch': epoch, 'net_state_dict': net.state_dict()}, ckpt_path)
    else:
        optimizer.param_groups[0]['lr'] /= cfg.training.lr_decay_factor
