# Idiom seen in: wyharveychen/CloserLookFewShot train.py
# What it reproduces: the meta-training driver: outer torch.optim.Adam(model.parameters()) without
# weight_decay, episodes from a data manager the program does not hold. Clean.
import argparse

import torch

from backbone_fw import Conv4Fw
from maml import MAML
from data.datamgr import SetDataManager


def parse_args():
    parser = argparse.ArgumentParser(description='few-shot script')
    parser.add_argument('--dataset', default='miniImagenet')
    parser.add_argument('--train_n_way', default=5, type=int)
    parser.add_argument('--n_shot', default=5, type=int)
    parser.add_argument('--stop_epoch', default=400, type=int)
    return parser.parse_args()


if __name__ == '__main__':
    params = parse_args()
    train_loader = SetDataManager(84, n_way=params.train_n_way, n_support=params.n_shot,
                                  n_query=16).get_data_loader('filelists/%s/base.json' % params.dataset, aug=True)
    model = MAML(Conv4Fw, n_way=params.train_n_way, n_support=params.n_shot).cuda()
    optimizer = torch.optim.Adam(model.parameters())
    for epoch in range(params.stop_epoch):
        model.train()
        model.train_loop(epoch, train_loader, optimizer)
