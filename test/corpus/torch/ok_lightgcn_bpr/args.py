# Idiom seen in: MilkFeng/LightGCN args.py
# What it reproduces: module-level globals parsed from argparse (LR, DECAY, ...) imported by the
# loss/model modules; DECAY scales the embedding penalty that loss.py adds to the BPR loss.
import argparse

import torch


def parse_args():
    parser = argparse.ArgumentParser(description="Go lightGCN")
    parser.add_argument('--batch', type=int, default=2048)
    parser.add_argument('--recdim', type=int, default=64)
    parser.add_argument('--layer', type=int, default=3)
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--decay', type=float, default=1e-4, help="the weight decay for l2 normalizaton")
    parser.add_argument('--dataset', type=str, default='ml-latest-small')
    parser.add_argument('--epochs', type=int, default=300)
    parser.add_argument('--seed', type=int, default=2023)
    return parser.parse_args()


__args = parse_args()

DATASET_NAME: str = str(__args.dataset)
REC_DIM: int = int(__args.recdim)
BATCH_SIZE: int = int(__args.batch)
LR: float = float(__args.lr)
LAYER: int = int(__args.layer)
EPOCHS: int = int(__args.epochs)
DECAY: float = float(__args.decay)
SEED: int = int(__args.seed)
DEVICE = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
