# Idiom seen in: huangtinglin/Knowledge_Graph_based_Intent_Network modules/KGIN.py
# Idiom seen in: huangtinglin/Knowledge_Graph_based_Intent_Network main.py
# What it reproduces: the Recommender forward returns mf_loss + emb_loss + cor_loss (emb_loss = decay * ||e||^2/2 / batch)
#   as its first item and main.py backpropagates exactly that; Adam has no weight_decay: clean.
import random
from time import time

import numpy as np
import torch

from kgin import Recommender
from arg_parser import parse_args
from utils.data_loader import load_data
from utils.evaluate import test


def get_feed_dict(train_pairs, start, end, n_items, device):
    pairs = train_pairs[start:end].to(device)
    return {'users': pairs[:, 0], 'pos_items': pairs[:, 1],
            'neg_items': torch.randint(0, n_items, (pairs.shape[0],), device=device)}


if __name__ == '__main__':
    seed = 2020
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)

    args = parse_args()
    device = torch.device("cuda:" + str(args.gpu_id)) if args.cuda else torch.device("cpu")
    train_cf, test_cf, user_dict, n_params, interact_mat = load_data(args)
    train_cf_pairs = torch.LongTensor(np.array([[cf[0], cf[1]] for cf in train_cf], np.int32))

    model = Recommender(n_params, args, interact_mat).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    for epoch in range(args.epoch):
        index = np.arange(len(train_cf))
        np.random.shuffle(index)
        train_cf_pairs = train_cf_pairs[index]
        loss, s, cor_loss = 0, 0, 0
        train_s_t = time()
        while s + args.batch_size <= len(train_cf):
            batch = get_feed_dict(train_cf_pairs, s, s + args.batch_size, n_params['n_items'], device)
            batch_loss, _, _, batch_cor = model(batch)
            optimizer.zero_grad()
            batch_loss.backward()
            optimizer.step()
            loss += batch_loss.item()
            cor_loss += batch_cor.item()
            s += args.batch_size
        print('using time %.4f, training loss at epoch %d: %.4f, cor: %.6f' % (time() - train_s_t, epoch, loss, cor_loss))
        if epoch % 10 == 9:
            print(test(model, user_dict, n_params))
