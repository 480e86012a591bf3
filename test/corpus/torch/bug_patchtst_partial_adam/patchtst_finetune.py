# Idiom seen in: yuqinie98/PatchTST PatchTST_self_supervised/src/learner.py
# Idiom seen in: yuqinie98/PatchTST PatchTST_self_supervised/patchtst_finetune.py
# What it reproduces: fine-tuning a pretrained PatchTST forecaster; a user (realistic edit, the repo passes
# plain Adam) hands Learner opt_func=partial(Adam, weight_decay=...), i.e. coupled L2 under Adam on
# every parameter, biases and BatchNorm included.
import argparse
from functools import partial

import torch
from torch import nn
from torch.optim import Adam

from learner import Learner
from models import PatchTST
from src.data.datamodule import get_dls  # ETT/weather windows, not part of this workspace

parser = argparse.ArgumentParser()
parser.add_argument('--dset_finetune', type=str, default='etth1', help='dataset name')
parser.add_argument('--context_points', type=int, default=512, help='sequence length')
parser.add_argument('--target_points', type=int, default=96, help='forecast horizon')
parser.add_argument('--patch_len', type=int, default=12, help='patch length')
parser.add_argument('--stride', type=int, default=12, help='stride between patch')
parser.add_argument('--n_epochs_finetune', type=int, default=20, help='number of finetuning epochs')
parser.add_argument('--n_epochs_freeze', type=int, default=10, help='number of epochs with a frozen backbone')
parser.add_argument('--lr', type=float, default=1e-4, help='learning rate')
parser.add_argument('--pretrained_model', type=str, default='saved_models/patchtst_pretrained.pth')
args = parser.parse_args()


def get_model(c_in, args):
    num_patch = (max(args.context_points, args.patch_len) - args.patch_len) // args.stride + 1
    return PatchTST(c_in=c_in, target_dim=args.target_points, patch_len=args.patch_len, num_patch=num_patch)


def finetune_func(lr=args.lr):
    dls = get_dls(args)
    model = get_model(dls.vars, args)
    state = torch.load(args.pretrained_model, map_location='cpu')
    model.load_state_dict(state, strict=False)
    loss_func = nn.MSELoss(reduction='mean')
    adam_wd = partial(Adam, weight_decay=1e-4)  # expect: WD202
    learn = Learner(dls, model, loss_func, lr=lr, opt_func=adam_wd)
    learn.fine_tune(n_epochs=args.n_epochs_finetune, freeze_epochs=args.n_epochs_freeze)
    torch.save(model.state_dict(), 'saved_models/patchtst_finetuned.pth')


if __name__ == '__main__':
    finetune_func(args.lr)
