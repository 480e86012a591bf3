# Idiom seen in: DefangChen/SemCKD train_student.py
# What it reproduces: knowledge-distillation student training; the student and the hint regressor go into a
#   trainable_list ModuleList and optim.SGD(trainable_list.parameters(), weight_decay=opt.weight_decay) decays
#   every BatchNorm weight/bias and conv bias of both (the repository does this).
import argparse
import os

import torch
import torch.nn as nn
import torch.optim as optim
import torch.backends.cudnn as cudnn

from models import model_dict
from dataset.cifar100 import get_cifar100_dataloaders
from helper.loops import train_distill as train, validate
from distiller_zoo import DistillKL, HintLoss, ConvReg


def parse_option():
    parser = argparse.ArgumentParser('argument for training')
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--num_workers', type=int, default=8)
    parser.add_argument('--epochs', type=int, default=240)
    parser.add_argument('--learning_rate', type=float, default=0.05)
    parser.add_argument('--lr_decay_epochs', type=str, default='150,180,210')
    parser.add_argument('--lr_decay_rate', type=float, default=0.1)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--model_s', type=str, default='resnet8x4')
    parser.add_argument('--path_t', type=str, default=None)
    parser.add_argument('--distill', type=str, default='hint', choices=['kd', 'hint'])
    parser.add_argument('--kd_T', type=float, default=4)
    parser.add_argument('--hint_layer', default=2, type=int)
    opt = parser.parse_args()
    opt.lr_decay_epochs = [int(it) for it in opt.lr_decay_epochs.split(',')]
    return opt


def load_teacher(model_path, n_cls):
    model_t = os.path.basename(os.path.dirname(model_path)).split('_')[0]
    model = model_dict[model_t](num_classes=n_cls)
    model.load_state_dict(torch.load(model_path, map_location='cpu')['model'])
    return model


def adjust_learning_rate(epoch, opt, optimizer):
    steps = sum(epoch > e for e in opt.lr_decay_epochs)
    for param_group in optimizer.param_groups:
        param_group['lr'] = opt.learning_rate * (opt.lr_decay_rate ** steps)


def main():
    opt = parse_option()
    n_cls = 100
    model_t = load_teacher(opt.path_t, n_cls)
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
    module_list.append(model_t)

    optimizer = optim.SGD(trainable_list.parameters(),  # expect: WD203
                          lr=opt.learning_rate,
                          momentum=opt.momentum,
                          weight_decay=opt.weight_decay)

    if torch.cuda.is_available():
        module_list.cuda()
        criterion_list.cuda()
        cudnn.benchmark = True

    train_loader, val_loader = get_cifar100_dataloaders(batch_size=opt.batch_size, num_workers=opt.num_workers)
    best_acc = 0
    for epoch in range(1, opt.epochs + 1):
        adjust_learning_rate(epoch, opt, optimizer)
        train_acc, train_loss = train(epoch, train_loader, module_list, criterion_list, optimizer, opt)
        test_acc, test_acc_top5, test_loss = validate(val_loader, model_s, criterion_cls, opt)
        if test_acc > best_acc:
            best_acc = test_acc
            torch.save({'epoch': epoch, 'model': model_s.state_dict(), 'best_acc': best_acc},
                       '{}_best.pth'.format(opt.model_s))
    print('best accuracy:', best_acc)


if __name__ == '__main__':
    main()
