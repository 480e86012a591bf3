# Idiom seen in: Beckschen/TransUNet trainer.py
# What it reproduces: argparse entry point that builds the network and hands it to trainer_synapse, where SGD
# weight_decay and an explicit L2 term (--l2_lambda) both act on the same parameters.
import argparse
import os
import random

import numpy as np
import torch
import torch.backends.cudnn as cudnn

from trainer import trainer_synapse
from vit_seg import VisionTransformer

parser = argparse.ArgumentParser()
parser.add_argument('--root_path', type=str, default='../data/Synapse/train_npz', help='root dir for data')
parser.add_argument('--list_dir', type=str, default='./lists/lists_Synapse', help='list dir')
parser.add_argument('--num_classes', type=int, default=9, help='output channel of network')
parser.add_argument('--max_epochs', type=int, default=150, help='maximum epoch number to train')
parser.add_argument('--batch_size', type=int, default=24, help='batch_size per gpu')
parser.add_argument('--n_gpu', type=int, default=1, help='total gpu')
parser.add_argument('--base_lr', type=float, default=0.01, help='segmentation network learning rate')
parser.add_argument('--l2_lambda', type=float, default=1e-5, help='explicit L2 on the weights')
parser.add_argument('--img_size', type=int, default=224, help='input patch size of network input')
parser.add_argument('--seed', type=int, default=1234, help='random seed')
args = parser.parse_args()

if __name__ == "__main__":
    cudnn.benchmark = False
    cudnn.deterministic = True
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.cuda.manual_seed(args.seed)
    snapshot_path = "../model/TU_Synapse{}/lr{}_bs{}".format(args.img_size, args.base_lr, args.batch_size)
    os.makedirs(snapshot_path, exist_ok=True)
    net = VisionTransformer(img_size=args.img_size, num_classes=args.num_classes).cuda()
    trainer_synapse(args, net, snapshot_path)
