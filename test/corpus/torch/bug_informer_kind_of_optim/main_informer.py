# Idiom seen in: zhouhaoyi/Informer2020 exp/exp_informer.py (self.args.kind_of_optim, learning_rate, patience,
#   train_epochs, checkpoints); the argparse front-end is written here in the style of the repo's main_informer.py
# What it reproduces: argparse hyper-parameters, a setting string per iteration, Exp_Informer(args).train(setting).
# label-note: no findings here; --kind_of_optim defaults to AdamW, whose implied decay is labelled in
#   exp/exp_informer.py.
import argparse

import torch

from exp.exp_informer import Exp_Informer

parser = argparse.ArgumentParser(description='[Informer] Long Sequences Forecasting')
parser.add_argument('--model', type=str, default='informer')
parser.add_argument('--data', type=str, default='ETTh1')
parser.add_argument('--root_path', type=str, default='./data/ETT/')
parser.add_argument('--seq_len', type=int, default=96)
parser.add_argument('--pred_len', type=int, default=24)
parser.add_argument('--enc_in', type=int, default=7)
parser.add_argument('--c_out', type=int, default=7)
parser.add_argument('--d_model', type=int, default=512)
parser.add_argument('--n_heads', type=int, default=8)
parser.add_argument('--e_layers', type=int, default=2)
parser.add_argument('--d_ff', type=int, default=2048)
parser.add_argument('--dropout', type=float, default=0.05)
parser.add_argument('--distil', action='store_false', default=True)
parser.add_argument('--kind_of_optim', type=str, default='AdamW', help='AdamW, SGD, RMSprop, Adagrad, Adam')
parser.add_argument('--learning_rate', type=float, default=0.0001)
parser.add_argument('--train_epochs', type=int, default=6)
parser.add_argument('--patience', type=int, default=3)
parser.add_argument('--lradj', type=str, default='type1')
parser.add_argument('--itr', type=int, default=2)
parser.add_argument('--checkpoints', type=str, default='./checkpoints/')
parser.add_argument('--use_gpu', type=bool, default=True)
parser.add_argument('--gpu', type=int, default=0)
args = parser.parse_args()
args.use_gpu = True if torch.cuda.is_available() and args.use_gpu else False

for ii in range(args.itr):
    setting = '{}_{}_sl{}_pl{}_dm{}_el{}_{}'.format(args.model, args.data, args.seq_len, args.pred_len,
                                                    args.d_model, args.e_layers, ii)
    exp = Exp_Informer(args)
    print('>>>>>>>start training : {}>>>>>>>>>>>>>>>>>>>>>>>>>>'.format(setting))
    exp.train(setting)
    torch.cuda.empty_cache()
