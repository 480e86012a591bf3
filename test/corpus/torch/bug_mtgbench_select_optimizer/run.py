# Idiom seen in: CILAB-UrbanData/MTGBench run.py
# What it reproduces: the argparse entry point: --learner selects the optimizer (default 'adam', scripts pass
#   'adamw'), with --adamw_weight_decay 0.01 for the AdamW branch.
import argparse
import random

import numpy as np
import torch

from exp_prediction import ExpPrediction

if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Trajectory-aware traffic prediction')
    parser.add_argument('--task_name', type=str, default='TrafficPrediction')
    parser.add_argument('--model', type=str, default='TrGNN')
    parser.add_argument('--NumofRoads', type=int, default=3165)
    parser.add_argument('--d_model', type=int, default=64)
    parser.add_argument('--pre_steps', type=int, default=1)
    parser.add_argument('--train_epochs', type=int, default=100)
    parser.add_argument('--patience', type=int, default=20)
    parser.add_argument('--learning_rate', type=float, default=0.0001)
    parser.add_argument('--learner', type=str, default='adam', help='optimizer type')
    parser.add_argument('--adamw_beta1', type=float, default=0.9)
    parser.add_argument('--adamw_beta2', type=float, default=0.999)
    parser.add_argument('--adamw_weight_decay', type=float, default=0.01, help='weight decay for AdamW optimizer')
    parser.add_argument('--use_gpu', type=bool, default=True)
    parser.add_argument('--gpu', type=int, default=0)
    parser.add_argument('--itr', type=int, default=1)
    args = parser.parse_args()

    fix_seed = 2021
    random.seed(fix_seed)
    torch.manual_seed(fix_seed)
    np.random.seed(fix_seed)

    for ii in range(args.itr):
        setting = '{}_{}_lr{}_{}'.format(args.task_name, args.model, args.learning_rate, ii)
        exp = ExpPrediction(args)
        exp.train(setting)
        torch.cuda.empty_cache()
