# Idiom seen in: HobbitLong/RepDistiller helper/loops.py
# What it reproduces: the distillation epoch loop (cls + KL + kd terms). A user ported an "explicit L2 on the
#   student" from an older script into the loss while train_student.py's SGD already has weight_decay=5e-4 on the
#   same student parameters: double decay (WD201). The repository itself has no such penalty.
from __future__ import print_function, division

import sys

import torch

from .util import AverageMeter, accuracy


def train_distill(epoch, train_loader, module_list, criterion_list, optimizer, opt):
    """One epoch distillation"""
    for module in module_list:
        module.train()
    module_list[-1].eval()

    criterion_cls, criterion_div, criterion_kd = criterion_list[0], criterion_list[1], criterion_list[2]
    model_s = module_list[0]
    model_t = module_list[-1]

    losses, top1 = AverageMeter(), AverageMeter()
    for idx, (input, target, index) in enumerate(train_loader):
        input = input.float()
        if torch.cuda.is_available():
            input, target = input.cuda(), target.cuda()

        feat_s, logit_s = model_s(input, is_feat=True)
        with torch.no_grad():
            feat_t, logit_t = model_t(input, is_feat=True)
            feat_t = [f.detach() for f in feat_t]

        loss_cls = criterion_cls(logit_s, target)
        loss_div = criterion_div(logit_s, logit_t)
        if opt.distill == 'kd':
            loss_kd = 0
        else:
            f_s = module_list[1](feat_s[opt.hint_layer])
            loss_kd = criterion_kd(f_s, feat_t[opt.hint_layer])

        l2_reg = sum(p.pow(2).sum() for p in model_s.parameters())  # expect: WD201
        loss = opt.gamma * loss_cls + opt.alpha * loss_div + opt.beta * loss_kd + opt.l2 * l2_reg

        acc1, acc5 = accuracy(logit_s, target, topk=(1, 5))
        losses.update(loss.item(), input.size(0))
        top1.update(acc1[0], input.size(0))

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        if idx % opt.print_freq == 0:
            print('Epoch: [{0}][{1}/{2}]\tLoss {loss.val:.4f} ({loss.avg:.4f})\tAcc@1 {top1.val:.3f}'.format(
                epoch, idx, len(train_loader), loss=losses, top1=top1))
            sys.stdout.flush()

    return top1.avg, losses.avg


def validate(val_loader, model, criterion, opt):
    losses, top1, top5 = AverageMeter(), AverageMeter(), AverageMeter()
    model.eval()
    with torch.no_grad():
        for idx, (input, target) in enumerate(val_loader):
            input = input.float()
            if torch.cuda.is_available():
                input, target = input.cuda(), target.cuda()
            output = model(input)
            loss = criterion(output, target)
            acc1, acc5 = accuracy(output, target, topk=(1, 5))
            losses.update(loss.item(), input.size(0))
            top1.update(acc1[0], input.size(0))
            top5.update(acc5[0], input.size(0))
    return top1.avg, top5.avg, losses.avg
