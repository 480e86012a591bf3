# Idiom seen in: matthias-wright/flaxmodels training/resnet/main.py
# What it reproduces: argparse entry point of the ResNet trainer; the user added --weight_decay (AdamW) and kept an
# older --l2_reg loss penalty, so the kernels are decayed twice (see training.py).
import argparse

import training

parser = argparse.ArgumentParser()
parser.add_argument('--work_dir', type=str, default='/export/scratch/resnet')
parser.add_argument('--data_dir', type=str, default='/export/scratch/datasets')
parser.add_argument('--arch', type=str, default='resnet18', choices=['resnet18', 'resnet34', 'resnet50'])
parser.add_argument('--num_epochs', type=int, default=90)
parser.add_argument('--warmup_epochs', type=int, default=5)
parser.add_argument('--learning_rate', type=float, default=1e-3)
parser.add_argument('--weight_decay', type=float, default=0.05)
parser.add_argument('--l2_reg', type=float, default=1e-4)
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--num_classes', type=int, default=10)
parser.add_argument('--img_size', type=int, default=224)
parser.add_argument('--img_channels', type=int, default=3)
parser.add_argument('--random_seed', type=int, default=0)
parser.add_argument('--log_every', type=int, default=100)

if __name__ == '__main__':
    config = parser.parse_args()
    training.train_and_evaluate(config)
