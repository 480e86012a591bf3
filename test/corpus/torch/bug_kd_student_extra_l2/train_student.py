# Idiom seen in: HobbitLong/RepDistiller train_student.py
# What it reproduces: CIFAR-100 distillation script: the student (and any regressor) sit in an nn.ModuleList
#   `trainable_list` whose parameters go to SGD(momentum=0.9, weight_decay=5e-4) in one group, BN/bias included
#   (WD203, as in the repository). The explicit L2 added in helper/loops.py doubles that decay (see there).
from __future__ import print_function

import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim
import torch.backends.cudnn as cudnn

from models import model_dict
from models.util import ConvReg
from dataset.cifar100 import get_cifar100_dataloaders
from helper.util import adjust_learning_rate
from distiller_zoo import DistillKL, HintLoss
from helper.loops import train_distill as train, validate


def parse_option():
    parser = argparse.ArgumentParser('argument for training')
    parser.add_argument('--print_freq', type=int, default=100)
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--num_workers', type=int, default=8)
    parser.add_argument('--epochs', type=int, default=240)
    parser.add_argument('--learning_rate', type=float, default=0.05)
    parser.add_argument('--lr_decay_epochs', type=str, default='150,180,210')
    parser.add_argument('--lr_decay_rate', type=float, default=0.1)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--l2', type=float, default=1e-4, help='explicit L2 on the student weights')
    parser.add_argument('--model_s', type=str, default='resnet8')
    parser.add_argument('--path_t', type=str, default=None)
    parser.add_argument('--distill', type=str, default='kd', choices=['kd', 'hint'])
    parser.add_argument('-r', '--gamma', type=float, default=1)
    parser.add_argument('-a', '--alpha', type=float, default=0.9)
    parser.add_argument('-b', '--beta', type=float, default=0)
    parser.add_argument('--kd_T', type=float, default=4)
    parser.add_argument('--hint_layer', default=2, type=int)
    opt = parser.parse_args()
    opt.lr_decay_epochs = [int(it) for it in opt.lr_decay_epochs.split(',')]
    opt.model_t = opt.path_t.split('/')[-2].split('_')[0]
    opt.save_folder = os.path.join('./save/student_model', 'S:{}_T:{}'.format(opt.model_s, opt.model_t))
    os.makedirs(opt.save_folder, exist_ok=True)
    return opt


def load_teacher(model_path, n_cls, name):
    model = model_dict[name](num_classes=n_cls)
    model.load_state_dict(torch.load(model_path)['model'])
    return model


def main():
    opt = parse_option()
    train_loader, val_loader, n_data = get_cifar100_dataloaders(batch_size=opt.batch_size,
                                                                num_workers=opt.num_workers,
                                                                is_instance=True)
    n_cls = 100
    model_t = load_teacher(opt.path_t, n_cls, opt.model_t)
    model_s = model_dict[opt.model_s](num_classes=n_cls)

    data = torch.randn(2, 3, 32, 32)
    model_t.eval()
    model_s.eval()
    feat_t, _ = model_t(data, is_feat=True)
    feat_s, _ = model_s(data, is_feat=True)

    module_list = nn.ModuleList([model_s])
    trainable_list = nn.ModuleList([model_s])

    criterion_cls = nn.CrossEntropyLoss()
    criterion_div = DistillKL(opt.kd_T)
    if opt.distill == 'kd':
        criterion_kd = DistillKL(opt.kd_T)
    else:
        criterion_kd = HintLoss()
        regress_s = ConvReg(feat_s[opt.hint_layer].shape, feat_t[opt.hint_layer].shape)
        module_list.append(regress_s)
        trainable_list.append(regress_s)

    criterion_list = nn.ModuleList([criterion_cls, criterion_div, criterion_kd])

    # optimizer
    optimizer = optim.SGD(trainable_list.parameters(),  # expect: WD203
                          lr=opt.learning_rate,
                          momentum=opt.momentum,
                          weight_decay=opt.weight_decay)

    # append teacher after optimizer to avoid weight_decay
    module_list.append(model_t)
    if torch.cuda.is_available():
        module_list.cuda()
        criterion_list.cuda()
        cudnn.benchmark = True

    best_acc = 0
    for epoch in range(1, opt.epochs + 1):
        adjust_learning_rate(epoch, opt, optimizer)
        train_acc, train_loss = train(epoch, train_loader, module_list, criterion_list, optimizer, opt)
        test_acc, _, _ = validate(val_loader, model_s, criterion_cls, opt)
        if test_acc > best_acc:
            best_acc = test_acc
            torch.save({'epoch': epoch, 'model': model_s.state_dict(), 'best_acc': best_acc},
                       os.path.join(opt.save_folder, '{}_best.pth'.format(opt.model_s)))
    print('best accuracy:', best_acc)


if __name__ == '__main__':
    main()
