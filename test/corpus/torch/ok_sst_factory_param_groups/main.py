# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/optimizer.py
# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/main.py
# What it reproduces: the same timm-style create_optimizer, but the decay goes into two param groups
# (no decay for biases and 1-d params) and only SGD/AdamW branches exist, default adamw: clean.
import argparse
import torch.nn as nn

from network import LSTMClassifier
from optimizer import create_optimizer
from dataset import build_sst_loaders
from engine import train_one_epoch, evaluate


def get_args_parser():
    parser = argparse.ArgumentParser('SST classification', add_help=False)
    parser.add_argument('--epochs', default=20, type=int)
    parser.add_argument('--batch-size', default=64, type=int)
    parser.add_argument('--opt', default='adamw', type=str, help='Optimizer (default: "adamw")')
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight-decay', type=float, default=0.05)
    return parser


def main(args):
    train_loader, val_loader, vocab = build_sst_loaders(args.batch_size)
    model = LSTMClassifier(len(vocab))
    optimizer = create_optimizer(args, model)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(args.epochs):
        train_one_epoch(model, criterion, train_loader, optimizer, epoch)
        print('epoch {} val acc {:.4f}'.format(epoch, evaluate(model, val_loader)))


if __name__ == '__main__':
    main(argparse.ArgumentParser('SST', parents=[get_args_parser()]).parse_args())
