# Idiom seen in: chenzRG/Fredformer exp/exp_main.py
# What it reproduces: Fredformer's Regularization module (an explicit L2 over every 'weight' tensor, added as
#   loss + 0.01 * reg_loss(model)) kept after the user also gave Adam weight_decay=args.weight_decay (a realistic
#   mistake; the real repo's Adam has no decay): the weights are decayed twice, coupled under Adam, biases/norms too.
import argparse
import random

import numpy as np
import torch

from exp.exp_main import Exp_Main

parser = argparse.ArgumentParser(description='Fredformer for time series forecasting')
parser.add_argument('--model', type=str, default='Fredformer')
parser.add_argument('--features', type=str, default='M')
parser.add_argument('--pred_len', type=int, default=96)
parser.add_argument('--train_epochs', type=int, default=100)
parser.add_argument('--patience', type=int, default=10)
parser.add_argument('--learning_rate', type=float, default=0.0001)
parser.add_argument('--weight_decay', type=float, default=1e-4, help='Adam weight decay')
parser.add_argument('--cf_weight_decay', type=float, default=5e-4, help='explicit L2 on the weights')
parser.add_argument('--checkpoints', type=str, default='./checkpoints/')
parser.add_argument('--use_gpu', type=bool, default=True)
parser.add_argument('--use_multi_gpu', action='store_true', default=False)
parser.add_argument('--devices', type=str, default='0,1')
args = parser.parse_args()

if __name__ == '__main__':
    fix_seed = 2021
    random.seed(fix_seed)
    torch.manual_seed(fix_seed)
    np.random.seed(fix_seed)
    setting = '{}_pl{}_wd{}'.format(args.model, args.pred_len, args.weight_decay)
    exp = Exp_Main(args)
    exp.train(setting)
