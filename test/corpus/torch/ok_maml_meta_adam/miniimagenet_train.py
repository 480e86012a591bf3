# Idiom seen in: dragen1860/MAML-Pytorch miniimagenet_train.py
# What it reproduces: the episodic training driver (argparse, conv4 config list, task batches) around meta.Meta;
#   the outer optimizer has no decay and none is expected. Clean.
import argparse

import numpy as np
import torch
from torch.utils.data import DataLoader

from MiniImagenet import MiniImagenet
from meta import Meta


def main(args):
    torch.manual_seed(222)
    np.random.seed(222)
    config = [
        ('conv2d', [32, 3, 3, 3, 1, 0]), ('relu', [True]), ('bn', [32]), ('max_pool2d', [2, 2, 0]),
        ('conv2d', [32, 32, 3, 3, 1, 0]), ('relu', [True]), ('bn', [32]), ('max_pool2d', [2, 2, 0]),
        ('conv2d', [32, 32, 3, 3, 1, 0]), ('relu', [True]), ('bn', [32]), ('max_pool2d', [2, 2, 0]),
        ('conv2d', [32, 32, 3, 3, 1, 0]), ('relu', [True]), ('bn', [32]), ('max_pool2d', [2, 1, 0]),
        ('flatten', []),
        ('linear', [args.n_way, 32 * 5 * 5]),
    ]
    device = torch.device('cuda')
    maml = Meta(args, config).to(device)

    mini = MiniImagenet('miniimagenet/', mode='train', n_way=args.n_way, k_shot=args.k_spt,
                        k_query=args.k_qry, batchsz=10000, resize=args.imgsz)
    for epoch in range(args.epoch // 10000):
        db = DataLoader(mini, args.task_num, shuffle=True, num_workers=1, pin_memory=True)
        for step, (x_spt, y_spt, x_qry, y_qry) in enumerate(db):
            x_spt, y_spt = x_spt.to(device), y_spt.to(device)
            x_qry, y_qry = x_qry.to(device), y_qry.to(device)
            accs = maml(x_spt, y_spt, x_qry, y_qry)
            if step % 30 == 0:
                print('step:', step, '\ttraining acc:', accs)


if __name__ == '__main__':
    argparser = argparse.ArgumentParser()
    argparser.add_argument('--epoch', type=int, default=60000)
    argparser.add_argument('--n_way', type=int, default=5)
    argparser.add_argument('--k_spt', type=int, default=1)
    argparser.add_argument('--k_qry', type=int, default=15)
    argparser.add_argument('--imgsz', type=int, default=84)
    argparser.add_argument('--imgc', type=int, default=3)
    argparser.add_argument('--task_num', type=int, default=4)
    argparser.add_argument('--meta_lr', type=float, default=1e-3)
    argparser.add_argument('--update_lr', type=float, default=0.01)
    argparser.add_argument('--update_step', type=int, default=5)
    argparser.add_argument('--update_step_test', type=int, default=10)
    main(argparser.parse_args())
