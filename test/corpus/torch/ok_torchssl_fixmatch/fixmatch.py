# Idiom seen in: TorchSSL/TorchSSL fixmatch.py
# Idiom seen in: TorchSSL/TorchSSL models/fixmatch/fixmatch.py
# What it reproduces: FixMatch with AMP and an EMA teacher; SGD(weight_decay=5e-4) comes from get_optimizer's
#   bn/bias split, and the loss is supervised CE + lambda_u * masked consistency (wd_loss is imported as in
#   the repo but never used). Clean: one decay mechanism, excluded from BatchNorm and biases.
import argparse

import torch
import torch.nn.functional as F
from torch.cuda.amp import autocast, GradScaler

from train_utils import get_optimizer, get_cosine_schedule_with_warmup, ce_loss, wd_loss, EMA
from models.nets.wrn import build_WideResNet
from datasets.ssl_dataset import SSL_Dataset
from datasets.data_utils import get_data_loader


class FixMatch:
    def __init__(self, net_builder, num_classes, ema_m, p_cutoff, lambda_u):
        self.model = net_builder(num_classes=num_classes)
        self.ema_m = ema_m
        self.p_cutoff = p_cutoff
        self.lambda_u = lambda_u
        self.it = 0

    def set_optimizer(self, optimizer, scheduler=None):
        self.optimizer = optimizer
        self.scheduler = scheduler

    def train(self, args, loader_dict):
        self.model.train()
        self.ema = EMA(self.model, self.ema_m)
        self.ema.register()
        scaler = GradScaler()
        for (x_lb, y_lb), (x_ulb_w, x_ulb_s) in zip(loader_dict['train_lb'], loader_dict['train_ulb']):
            if self.it > args.num_train_iter:
                break
            num_lb = x_lb.shape[0]
            inputs = torch.cat((x_lb, x_ulb_w, x_ulb_s))
            with autocast(enabled=args.amp):
                logits = self.model(inputs)
                logits_x_lb = logits[:num_lb]
                logits_x_ulb_w, logits_x_ulb_s = logits[num_lb:].chunk(2)
                sup_loss = ce_loss(logits_x_lb, y_lb, reduction='mean')
                pseudo_label = torch.softmax(logits_x_ulb_w.detach(), dim=-1)
                max_probs, max_idx = torch.max(pseudo_label, dim=-1)
                mask = max_probs.ge(self.p_cutoff).float()
                unsup_loss = (ce_loss(logits_x_ulb_s, max_idx, reduction='none') * mask).mean()
                total_loss = sup_loss + self.lambda_u * unsup_loss
            if args.amp:
                scaler.scale(total_loss).backward()
                scaler.step(self.optimizer)
                scaler.update()
            else:
                total_loss.backward()
                self.optimizer.step()
            self.scheduler.step()
            self.ema.update()
            self.model.zero_grad()
            if self.it % 1000 == 0:
                print(self.it, sup_loss.item(), unsup_loss.item(), mask.mean().item())
            self.it += 1


def main(args):
    model = FixMatch(build_WideResNet, args.num_classes, args.ema_m, args.p_cutoff, args.ulb_loss_ratio)
    optimizer = get_optimizer(model.model, args.optim, args.lr, args.momentum, args.weight_decay)
    scheduler = get_cosine_schedule_with_warmup(optimizer, args.num_train_iter, num_warmup_steps=args.num_train_iter * 0)
    model.set_optimizer(optimizer, scheduler)

    train_dset = SSL_Dataset(args, alg='fixmatch', name=args.dataset, train=True, num_classes=args.num_classes)
    lb_dset, ulb_dset = train_dset.get_ssl_dset(args.num_labels)
    loader_dict = {
        'train_lb': get_data_loader(lb_dset, args.batch_size, num_iters=args.num_train_iter),
        'train_ulb': get_data_loader(ulb_dset, args.batch_size * args.uratio, num_iters=args.num_train_iter),
    }
    model.train(args, loader_dict)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description='')
    parser.add_argument('--num_train_iter', type=int, default=2 ** 20)
    parser.add_argument('--num_labels', type=int, default=4000)
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--uratio', type=int, default=7)
    parser.add_argument('--ema_m', type=float, default=0.999)
    parser.add_argument('--p_cutoff', type=float, default=0.95)
    parser.add_argument('--ulb_loss_ratio', type=float, default=1.0)
    parser.add_argument('--optim', type=str, default='SGD')
    parser.add_argument('--lr', type=float, default=3e-2)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--amp', action='store_true')
    parser.add_argument('--dataset', type=str, default='cifar10')
    parser.add_argument('--num_classes', type=int, default=10)
    main(parser.parse_args())
