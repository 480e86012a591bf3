# Idiom seen in: gusye1234/LightGCN-PyTorch code/world.py, code/parse.py
# What it reproduces: the global `world` module: argparse hyper-parameters (--decay 1e-4, --lr 1e-3) copied
# into a plain `config` dict that the model and the loss read.
# label-note: clean (see utils.py).
import argparse

import torch


def parse_args():
    parser = argparse.ArgumentParser(description="Go lightGCN")
    parser.add_argument('--bpr_batch', type=int, default=2048)
    parser.add_argument('--recdim', type=int, default=64)
    parser.add_argument('--layer', type=int, default=3)
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--decay', type=float, default=1e-4, help="the weight decay for l2 normalizaton")
    parser.add_argument('--dataset', type=str, default='gowalla')
    parser.add_argument('--epochs', type=int, default=1000)
    parser.add_argument('--seed', type=int, default=2020)
    return parser.parse_args()


args = parse_args()
device = torch.device('cuda' if torch.cuda.is_available() else "cpu")
seed = args.seed
dataset = args.dataset
TRAIN_epochs = args.epochs

config = {}
config['bpr_batch_size'] = args.bpr_batch
config['latent_dim_rec'] = args.recdim
config['lightGCN_n_layers'] = args.layer
config['lr'] = args.lr
config['decay'] = args.decay
