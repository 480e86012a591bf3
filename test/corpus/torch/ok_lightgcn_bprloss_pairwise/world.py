# Idiom seen in: lucapantea/LightGCN code/world.py
# Idiom seen in: lucapantea/LightGCN code/parse.py
# What it reproduces: the LightGCN "world" module: parsed CLI options copied into a global config dict
#   (config["decay"] is the L2 coefficient of the BPR loss).
import argparse

import torch

parser = argparse.ArgumentParser(description="Go LightGCN")
parser.add_argument('--bpr_batch', type=int, default=2048)
parser.add_argument('--recdim', type=int, default=64)
parser.add_argument('--layer', type=int, default=3)
parser.add_argument('--lr', type=float, default=0.001)
parser.add_argument('--decay', type=float, default=1e-4, help="the weight decay for l2 normalizaton")
parser.add_argument('--dataset', type=str, default='gowalla')
parser.add_argument('--epochs', type=int, default=1000)
parser.add_argument('--seed', type=int, default=2020)
args = parser.parse_args()

config = {
    'batch_size': args.bpr_batch,
    'latent_dim_rec': args.recdim,
    'lightGCN_n_layers': args.layer,
    'decay': args.decay,
    'lr': args.lr,
}
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
dataset = args.dataset
seed = args.seed
TRAIN_epochs = args.epochs
