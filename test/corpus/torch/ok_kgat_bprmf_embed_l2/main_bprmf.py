# Idiom seen in: LunaBlack/KGAT-pytorch main_bprmf.py
# Idiom seen in: LunaBlack/KGAT-pytorch model/BPRMF.py
# What it reproduces: the BPRMF training script: optim.Adam(model.parameters(), lr=args.lr) without decay,
#   the loss (with its embedding L2 term) returned by model(..., is_train=True) is what is backpropagated.
import sys
import random
import logging
from time import time

import numpy as np
import torch
import torch.optim as optim

from model.BPRMF import BPRMF
from parser.parser_bprmf import parse_bprmf_args
from data_loader.loader_bprmf import DataLoaderBPRMF


def train(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    data = DataLoaderBPRMF(args, logging)
    if args.use_pretrain == 1:
        user_pre_embed = torch.tensor(data.user_pre_embed)
        item_pre_embed = torch.tensor(data.item_pre_embed)
    else:
        user_pre_embed, item_pre_embed = None, None

    model = BPRMF(args, data.n_users, data.n_items, user_pre_embed, item_pre_embed)
    model.to(device)

    optimizer = optim.Adam(model.parameters(), lr=args.lr)

    for epoch in range(1, args.n_epoch + 1):
        model.train()
        time1 = time()
        total_loss = 0
        n_batch = data.n_cf_train // data.train_batch_size + 1
        for iter in range(1, n_batch + 1):
            batch_user, batch_pos_item, batch_neg_item = data.generate_cf_batch(data.train_user_dict, data.train_batch_size)
            batch_user = batch_user.to(device)
            batch_pos_item = batch_pos_item.to(device)
            batch_neg_item = batch_neg_item.to(device)
            batch_loss = model(batch_user, batch_pos_item, batch_neg_item, is_train=True)

            if np.isnan(batch_loss.cpu().detach().numpy()):
                logging.info('ERROR: Epoch {:04d} Iter {:04d} / {:04d} Loss is nan.'.format(epoch, iter, n_batch))
                sys.exit()

            batch_loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            total_loss += batch_loss.item()
        logging.info('CF Training: Epoch {:04d} | Total Time {:.1f}s | Iter Mean Loss {:.4f}'.format(
            epoch, time() - time1, total_loss / n_batch))


if __name__ == '__main__':
    args = parse_bprmf_args()
    train(args)
