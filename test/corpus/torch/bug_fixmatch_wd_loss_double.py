# Idiom seen in: TorchSSL/TorchSSL train_utils.py
# Idiom seen in: TorchSSL/TorchSSL models/fixmatch/fixmatch.py
# What it reproduces: a realistic user mistake in TorchSSL's idiom (the repo itself never calls wd_loss):
#   the imported wd_loss(model) penalty is added to FixMatch's total loss while get_optimizer already gives
#   SGD weight_decay=5e-4 on the same conv/fc weights, so those weights are decayed twice (WD201).
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.cuda.amp import autocast, GradScaler

from datasets.ssl_dataset import SSL_Dataset, get_data_loader


def wd_loss(net):
    loss = 0
    for name, param in net.named_parameters():
        if ('bn' in name or 'bias' in name):
            continue
        elif ('weight' in name):
            loss = loss + torch.sum(param ** 2) / 2
    return loss


def get_optimizer(net, optim_name='SGD', lr=0.1, momentum=0.9, weight_decay=0, nesterov=True, bn_wd_skip=True):
    decay = []
    no_decay = []
    for name, param in net.named_parameters():
        if ('bn' in name or 'bias' in name) and bn_wd_skip:
            no_decay.append(param)
        else:
            decay.append(param)
    per_param_args = [{'params': decay},
                      {'params': no_decay, 'weight_decay': 0.0}]
    return torch.optim.SGD(per_param_args, lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)


class BasicBlock(nn.Module):
    def __init__(self, in_planes, out_planes, stride):
        super(BasicBlock, self).__init__()
        self.bn1 = nn.BatchNorm2d(in_planes, momentum=0.001)
        self.conv1 = nn.Conv2d(in_planes, out_planes, 3, stride=stride, padding=1, bias=True)
        self.bn2 = nn.BatchNorm2d(out_planes, momentum=0.001)
        self.conv2 = nn.Conv2d(out_planes, out_planes, 3, stride=1, padding=1, bias=True)
        self.shortcut = nn.Conv2d(in_planes, out_planes, 1, stride=stride, bias=True)

    def forward(self, x):
        out = self.conv1(F.leaky_relu(self.bn1(x), 0.1))
        out = self.conv2(F.leaky_relu(self.bn2(out), 0.1))
        return out + self.shortcut(x)


class WideResNet(nn.Module):
    def __init__(self, num_classes, widen_factor=2):
        super(WideResNet, self).__init__()
        channels = [16, 16 * widen_factor, 32 * widen_factor, 64 * widen_factor]
        self.conv1 = nn.Conv2d(3, channels[0], 3, padding=1, bias=True)
        self.block1 = BasicBlock(channels[0], channels[1], 1)
        self.block2 = BasicBlock(channels[1], channels[2], 2)
        self.block3 = BasicBlock(channels[2], channels[3], 2)
        self.bn1 = nn.BatchNorm2d(channels[3], momentum=0.001)
        self.fc = nn.Linear(channels[3], num_classes)

    def forward(self, x):
        out = self.block3(self.block2(self.block1(self.conv1(x))))
        out = F.adaptive_avg_pool2d(F.leaky_relu(self.bn1(out), 0.1), 1)
        return self.fc(out.flatten(1))


class FixMatch:
    def __init__(self, model, lambda_u, p_cutoff, wd_coef):
        self.model = model
        self.lambda_u = lambda_u
        self.p_cutoff = p_cutoff
        self.wd_coef = wd_coef

    def train_step(self, optimizer, scaler, x_lb, y_lb, x_ulb_w, x_ulb_s):
        num_lb = x_lb.shape[0]
        inputs = torch.cat((x_lb, x_ulb_w, x_ulb_s))
        with autocast():
            logits = self.model(inputs)
            logits_x_lb = logits[:num_lb]
            logits_x_ulb_w, logits_x_ulb_s = logits[num_lb:].chunk(2)
            sup_loss = F.cross_entropy(logits_x_lb, y_lb, reduction='mean')
            probs = torch.softmax(logits_x_ulb_w.detach(), dim=-1)
            max_probs, pseudo_lb = torch.max(probs, dim=-1)
            mask = max_probs.ge(self.p_cutoff).float()
            unsup_loss = (F.cross_entropy(logits_x_ulb_s, pseudo_lb, reduction='none') * mask).mean()
            total_loss = sup_loss + self.lambda_u * unsup_loss + self.wd_coef * wd_loss(self.model)  # expect: WD201
        scaler.scale(total_loss).backward()
        scaler.step(optimizer)
        scaler.update()
        optimizer.zero_grad()
        return total_loss.detach()


def main(args):
    model = WideResNet(num_classes=args.num_classes)
    optimizer = get_optimizer(model, 'SGD', args.lr, args.momentum, args.weight_decay)
    ssl = FixMatch(model, args.ulb_loss_ratio, args.p_cutoff, args.wd_coef)
    scaler = GradScaler()
    train_dset = SSL_Dataset(args, name=args.dataset, train=True, num_classes=args.num_classes)
    lb_loader, ulb_loader = get_data_loader(train_dset, args.batch_size, args.uratio)
    for it, ((x_lb, y_lb), (x_ulb_w, x_ulb_s)) in enumerate(zip(lb_loader, ulb_loader)):
        loss = ssl.train_step(optimizer, scaler, x_lb, y_lb, x_ulb_w, x_ulb_s)
        if it % 100 == 0:
            print(it, loss.item())
        if it >= args.num_train_iter:
            break


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='FixMatch')
    parser.add_argument('--dataset', type=str, default='cifar10')
    parser.add_argument('--num_classes', type=int, default=10)
    parser.add_argument('--num_train_iter', type=int, default=2 ** 20)
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--uratio', type=int, default=7)
    parser.add_argument('--lr', type=float, default=0.03)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--wd_coef', type=float, default=5e-4)
    parser.add_argument('--ulb_loss_ratio', type=float, default=1.0)
    parser.add_argument('--p_cutoff', type=float, default=0.95)
    main(parser.parse_args())
