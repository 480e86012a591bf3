# Idiom seen in: clovaai/stargan-v2 main.py
# Idiom seen in: clovaai/stargan-v2 core/solver.py
# What it reproduces: --weight_decay defaults to 1e-4 and is handed to one torch.optim.Adam per
# network in core/solver.py: coupled L2 under Adam, on every parameter (biases, AdaIN/instance-norm
# affine params) of generator, mapping network, style encoder and discriminator.
import argparse
import os

from munch import Munch
from torch.backends import cudnn
import torch

from core.data_loader import get_train_loader, get_test_loader
from core.solver import Solver


def str2bool(v):
    return v.lower() in ('true')


def main(args):
    print(args)
    cudnn.benchmark = True
    torch.manual_seed(args.seed)

    solver = Solver(args)

    if args.mode == 'train':
        loaders = Munch(src=get_train_loader(root=args.train_img_dir, which='source',
                                             img_size=args.img_size, batch_size=args.batch_size,
                                             prob=args.randcrop_prob, num_workers=args.num_workers),
                        ref=get_train_loader(root=args.train_img_dir, which='reference',
                                             img_size=args.img_size, batch_size=args.batch_size,
                                             prob=args.randcrop_prob, num_workers=args.num_workers),
                        val=get_test_loader(root=args.val_img_dir, img_size=args.img_size,
                                            batch_size=args.val_batch_size, shuffle=True,
                                            num_workers=args.num_workers))
        solver.train(loaders)
    else:
        raise NotImplementedError


if __name__ == '__main__':
    parser = argparse.ArgumentParser()

    # model arguments
    parser.add_argument('--img_size', type=int, default=256)
    parser.add_argument('--num_domains', type=int, default=2)
    parser.add_argument('--latent_dim', type=int, default=16)
    parser.add_argument('--hidden_dim', type=int, default=512)
    parser.add_argument('--style_dim', type=int, default=64)

    # weight for objective functions
    parser.add_argument('--lambda_reg', type=float, default=1)
    parser.add_argument('--lambda_cyc', type=float, default=1)
    parser.add_argument('--lambda_sty', type=float, default=1)
    parser.add_argument('--lambda_ds', type=float, default=1)
    parser.add_argument('--ds_iter', type=int, default=100000)
    parser.add_argument('--w_hpf', type=float, default=1)

    # training arguments
    parser.add_argument('--randcrop_prob', type=float, default=0.5)
    parser.add_argument('--total_iters', type=int, default=100000)
    parser.add_argument('--resume_iter', type=int, default=0)
    parser.add_argument('--batch_size', type=int, default=8)
    parser.add_argument('--val_batch_size', type=int, default=32)
    parser.add_argument('--lr', type=float, default=1e-4,
                        help='Learning rate for D, E and G')
    parser.add_argument('--f_lr', type=float, default=1e-6,
                        help='Learning rate for F')
    parser.add_argument('--beta1', type=float, default=0.0)
    parser.add_argument('--beta2', type=float, default=0.99)
    parser.add_argument('--weight_decay', type=float, default=1e-4,
                        help='Weight decay for optimizer')

    # misc
    parser.add_argument('--mode', type=str, required=True, choices=['train', 'sample', 'eval'])
    parser.add_argument('--num_workers', type=int, default=4)
    parser.add_argument('--seed', type=int, default=777)
    parser.add_argument('--train_img_dir', type=str, default='data/celeba_hq/train')
    parser.add_argument('--val_img_dir', type=str, default='data/celeba_hq/val')
    parser.add_argument('--checkpoint_dir', type=str, default='expr/checkpoints')
    parser.add_argument('--print_every', type=int, default=10)
    parser.add_argument('--save_every', type=int, default=10000)

    args = parser.parse_args()
    main(args)
