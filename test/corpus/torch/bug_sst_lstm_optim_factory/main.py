# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/optimizer.py
# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/main.py
# What it reproduces: timm-style create_optimizer: opt_args = dict(lr, weight_decay) splatted into the
# branch --opt picks (default adam): coupled L2 for Adam/RMSprop, and every branch decays the LSTM biases.
import argparse
import torch
import torch.nn as nn

from network import LSTMClassifier
from optimizer import create_optimizer
from dataset import build_sst_loaders
from engine import train_one_epoch, evaluate


def get_args_parser():
    parser = argparse.ArgumentParser('SST classification', add_help=False)
    parser.add_argument('--epochs', default=20, type=int)
    parser.add_argument('--batch-size', default=64, type=int)
    parser.add_argument('--opt', default='adam', type=str, help='Optimizer (default: "adam")')
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight-decay', type=float, default=1e-4)
    parser.add_argument('--hidden-dim', type=int, default=256)
    return parser


def main(args):
    train_loader, val_loader, vocab = build_sst_loaders(args.batch_size)
    model = LSTMClassifier(len(vocab), hidden_dim=args.hidden_dim)
    optimizer = create_optimizer(args, model)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(args.epochs):
        train_one_epoch(model, criterion, train_loader, optimizer, epoch)
        acc = evaluate(model, val_loader)
        print('epoch {} val acc {:.4f}'.format(epoch, acc))
    torch.save(model.state_dict(), 'checkpoint.pth')


if __name__ == '__main__':
    parser = argparse.ArgumentParser('SST', parents=[get_args_parser()])
    main(parser.parse_args())
