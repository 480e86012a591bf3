# Idiom seen in: kenshohara/3D-ResNets-PyTorch main.py
# Idiom seen in: kenshohara/3D-ResNets-PyTorch opts.py
# What it reproduces: get_train_utils(opt, model_parameters) builds SGD(..., dampening, weight_decay=opt.weight_decay)
#   and the caller hands it all of model.parameters(): the BatchNorm3d scales/shifts get the 1e-3 decay (real repo).
import argparse
from pathlib import Path


def parse_opts():
    parser = argparse.ArgumentParser()
    parser.add_argument('--root_path', default=None, type=Path)
    parser.add_argument('--video_path', default=None, type=Path)
    parser.add_argument('--annotation_path', default=None, type=Path)
    parser.add_argument('--result_path', default=None, type=Path)
    parser.add_argument('--n_classes', default=400, type=int)
    parser.add_argument('--sample_size', default=112, type=int)
    parser.add_argument('--sample_duration', default=16, type=int)
    parser.add_argument('--learning_rate', default=0.1, type=float,
                        help='Initial learning rate (divided by 10 while training by lr scheduler)')
    parser.add_argument('--momentum', default=0.9, type=float)
    parser.add_argument('--dampening', default=0.0, type=float)
    parser.add_argument('--weight_decay', default=1e-3, type=float)
    parser.add_argument('--nesterov', action='store_true')
    parser.add_argument('--multistep_milestones', default=[50, 100, 150], type=int, nargs='+')
    parser.add_argument('--batch_size', default=128, type=int)
    parser.add_argument('--n_epochs', default=200, type=int)
    parser.add_argument('--model_depth', default=18, type=int)
    parser.add_argument('--n_threads', default=4, type=int)
    return parser.parse_args()
