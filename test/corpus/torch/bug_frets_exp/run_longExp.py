# Idiom seen in: aikunyi/FreTS run_longExp.py
# What it reproduces: the argparse entry point of the Autoformer-family repos; --weight_decay defaults to
#   1e-4 and reaches Exp_Main._select_optimizer through self.args.
import argparse
import random

import numpy as np
import torch

from exp.exp_main import Exp_Main

fix_seed = 2021
random.seed(fix_seed)
torch.manual_seed(fix_seed)
np.random.seed(fix_seed)

parser = argparse.ArgumentParser(description='FreTS for Time Series Forecasting')
parser.add_argument('--is_training', type=int, default=1)
parser.add_argument('--model_id', type=str, default='ECL_96_96')
parser.add_argument('--model', type=str, default='FreTS')
parser.add_argument('--data', type=str, default='custom')
parser.add_argument('--root_path', type=str, default='./dataset/')
parser.add_argument('--data_path', type=str, default='electricity.csv')
parser.add_argument('--features', type=str, default='M')
parser.add_argument('--seq_len', type=int, default=96)
parser.add_argument('--label_len', type=int, default=48)
parser.add_argument('--pred_len', type=int, default=96)
parser.add_argument('--enc_in', type=int, default=321)
parser.add_argument('--channel_independence', type=int, default=1)
parser.add_argument('--checkpoints', type=str, default='./checkpoints/')
parser.add_argument('--train_epochs', type=int, default=10)
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--patience', type=int, default=3)
parser.add_argument('--learning_rate', type=float, default=0.0001)
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--lradj', type=str, default='type1')
parser.add_argument('--use_gpu', type=bool, default=True)
parser.add_argument('--gpu', type=int, default=0)
parser.add_argument('--use_multi_gpu', action='store_true', default=False)
parser.add_argument('--devices', type=str, default='0,1')
args = parser.parse_args()

args.use_gpu = True if torch.cuda.is_available() and args.use_gpu else False
if args.use_multi_gpu:
    args.device_ids = [int(id_) for id_ in args.devices.replace(' ', '').split(',')]

if args.is_training:
    setting = '{}_{}_{}_sl{}_pl{}'.format(args.model_id, args.model, args.data, args.seq_len, args.pred_len)
    exp = Exp_Main(args)
    print('>>>>>>>start training : {}>>>>>>>>>>>>>>>>>>>>>>>>>>'.format(setting))
    exp.train(setting)
    torch.cuda.empty_cache()
