# Idiom seen in: twj515895394/deep-face-lab-tf2.x core/leras/optimizers/RMSprop.py
# What it reproduces: a project that keeps a TF/Keras and a PyTorch implementation side by side and
#   picks one with a flag. torch: AdamW with a proper decay/no-decay split by ndim; keras: layer L2
#   regularizers trained by compile/fit with a plain Adam (no optimizer decay). Clean.
import argparse


def get_options():
    ap = argparse.ArgumentParser()
    ap.add_argument('--backend', choices=['tf', 'torch'], default='torch')
    ap.add_argument('--lr', type=float, default=5e-5)
    ap.add_argument('--weight-decay', type=float, default=0.01)
    ap.add_argument('--l2', type=float, default=1e-5)
    ap.add_argument('--epochs', type=int, default=20)
    ap.add_argument('--batch-size', type=int, default=32)
    return ap.parse_args()
