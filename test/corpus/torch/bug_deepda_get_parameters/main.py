# Idiom seen in: jindongwang/transferlearning code/DeepDA/main.py
# What it reproduces: get_optimizer(model, args) passing model.get_parameters(...) (groups that split the
#   model by part and give none its own weight_decay) to SGD with weight_decay=args.weight_decay (5e-4): the
#   ResNet-50 backbone's BatchNorm and every bias are decayed along with the kernels.
import configargparse
import random

import numpy as np
import torch

import data_loader
import models
import utils
from utils import str2bool


def get_parser():
    parser = configargparse.ArgumentParser(
        description="Transfer learning config parser",
        config_file_parser_class=configargparse.YAMLConfigFileParser)
    parser.add("--config", is_config_file=True, help="config file path")
    parser.add("--seed", type=int, default=0)
    parser.add_argument('--backbone', type=str, default='resnet50')
    parser.add_argument('--use_bottleneck', type=str2bool, default=True)
    parser.add_argument('--data_dir', type=str, required=True)
    parser.add_argument('--src_domain', type=str, required=True)
    parser.add_argument('--tgt_domain', type=str, required=True)
    parser.add_argument('--batch_size', type=int, default=32)
    parser.add_argument('--n_epoch', type=int, default=100)
    parser.add_argument("--n_iter_per_epoch", type=int, default=20)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--lr_gamma', type=float, default=0.0003)
    parser.add_argument('--lr_decay', type=float, default=0.75)
    parser.add_argument('--lr_scheduler', type=str2bool, default=True)
    parser.add_argument('--transfer_loss_weight', type=float, default=10)
    parser.add_argument('--transfer_loss', type=str, default='mmd')
    return parser


def get_model(args):
    return models.TransferNet(
        args.n_class, transfer_loss=args.transfer_loss, base_net=args.backbone,
        max_iter=args.max_iter, use_bottleneck=args.use_bottleneck).to(args.device)


def get_optimizer(model, args):
    initial_lr = args.lr if not args.lr_scheduler else 1.0
    params = model.get_parameters(initial_lr=initial_lr)
    optimizer = torch.optim.SGD(params, lr=args.lr, momentum=args.momentum, weight_decay=args.weight_decay, nesterov=False)  # expect: WD203
    return optimizer


def train(source_loader, target_train_loader, model, optimizer, lr_scheduler, args):
    iter_source, iter_target = iter(source_loader), iter(target_train_loader)
    for e in range(1, args.n_epoch + 1):
        model.train()
        for _ in range(args.n_iter_per_epoch):
            data_source, label_source = next(iter_source)
            data_target, _ = next(iter_target)
            data_source, label_source = data_source.to(args.device), label_source.to(args.device)
            data_target = data_target.to(args.device)
            clf_loss, transfer_loss = model(data_source, data_target, label_source)
            loss = clf_loss + args.transfer_loss_weight * transfer_loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if lr_scheduler:
                lr_scheduler.step()


def main():
    parser = get_parser()
    args = parser.parse_args()
    setattr(args, "device", torch.device('cuda' if torch.cuda.is_available() else 'cpu'))
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    source_loader, n_class = data_loader.load_data(args.data_dir + args.src_domain, args.batch_size, train=True)
    target_train_loader, _ = data_loader.load_data(args.data_dir + args.tgt_domain, args.batch_size, train=True)
    setattr(args, "n_class", n_class)
    setattr(args, "max_iter", args.n_epoch * args.n_iter_per_epoch)
    model = get_model(args)
    optimizer = get_optimizer(model, args)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda x: args.lr * (1. + args.lr_gamma * float(x)) ** (-args.lr_decay)) if args.lr_scheduler else None
    train(source_loader, target_train_loader, model, optimizer, scheduler, args)


if __name__ == "__main__":
    main()
