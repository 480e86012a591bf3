# Idiom seen in: BorealisAI/scaleformer run.py
# What it reproduces: the argparse entry point; --weight_decay (default 5e-4) reaches
#   Exp_Main._select_optimizer through self.args.
import argparse

import torch

from exp.exp_main import Exp_Main

parser = argparse.ArgumentParser(description='Scaleformer')
parser.add_argument('--model', type=str, default='FEDformer')
parser.add_argument('--data', type=str, default='ETTh1')
parser.add_argument('--features', type=str, default='M')
parser.add_argument('--seq_len', type=int, default=96)
parser.add_argument('--label_len', type=int, default=48)
parser.add_argument('--pred_len', type=int, default=96)
parser.add_argument('--enc_in', type=int, default=7)
parser.add_argument('--d_model', type=int, default=512)
parser.add_argument('--train_epochs', type=int, default=10)
parser.add_argument('--batch_size', type=int, default=32)
parser.add_argument('--patience', type=int, default=3)
parser.add_argument('--learning_rate', type=float, default=0.0001)
parser.add_argument('--loss', type=str, default='adaptive')
parser.add_argument('--weight_decay', type=float, default=5e-4)
parser.add_argument('--lradj', type=str, default='type1')
parser.add_argument('--use_gpu', type=bool, default=True)
parser.add_argument('--gpu', type=int, default=0)
parser.add_argument('--use_multi_gpu', action='store_true', default=False)
parser.add_argument('--devices', type=str, default='0,1,2,3')
args = parser.parse_args()
args.use_gpu = torch.cuda.is_available() and args.use_gpu

setting = '{}_{}_sl{}_pl{}'.format(args.model, args.data, args.seq_len, args.pred_len)
exp = Exp_Main(args)
exp.train(setting)
