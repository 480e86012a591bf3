# Idiom seen in: guoyang9/BPR-pytorch main.py
# What it reproduces: the repo puts lambda into SGD(weight_decay=args.lamda). A user "follows the paper" instead:
# BPR-OPT = sum ln sigma(x_uij) - lambda*||Theta||^2 is maximised, but only the first term is negated, so the
# penalty is SUBTRACTED from the minimised loss: a negative decay that grows the embeddings (WD302).
import argparse
import os
import time

import numpy as np
import torch
import torch.optim as optim
import torch.utils.data as data

import config
import data_utils
import evaluate
import model

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=0.01, help="learning rate")
parser.add_argument("--lamda", type=float, default=0.001, help="model regularization rate")
parser.add_argument("--batch_size", type=int, default=4096, help="batch size for training")
parser.add_argument("--epochs", type=int, default=50, help="training epoches")
parser.add_argument("--top_k", type=int, default=10, help="compute metrics@top_k")
parser.add_argument("--factor_num", type=int, default=32, help="predictive factors numbers in the model")
parser.add_argument("--num_ng", type=int, default=4, help="sample negative items for training")
parser.add_argument("--test_num_ng", type=int, default=99, help="sample part of negative items for testing")
parser.add_argument("--out", default=True, help="save model or not")
args = parser.parse_args()

train_data, test_data, user_num, item_num, train_mat = data_utils.load_all()
train_dataset = data_utils.BPRData(train_data, item_num, train_mat, args.num_ng, True)
train_loader = data.DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, num_workers=4)
test_dataset = data_utils.BPRData(test_data, item_num, train_mat, 0, False)
test_loader = data.DataLoader(test_dataset, batch_size=args.test_num_ng + 1, shuffle=False, num_workers=0)

bpr = model.BPR(user_num, item_num, args.factor_num)
bpr.cuda()
optimizer = optim.SGD(bpr.parameters(), lr=args.lr)

best_hr = 0
for epoch in range(args.epochs):
    bpr.train()
    start_time = time.time()
    train_loader.dataset.ng_sample()
    for user, item_i, item_j in train_loader:
        user, item_i, item_j = user.cuda(), item_i.cuda(), item_j.cuda()
        bpr.zero_grad()
        prediction_i, prediction_j, (u, i, j) = bpr(user, item_i, item_j)
        reg = u.norm(2).pow(2) + i.norm(2).pow(2) + j.norm(2).pow(2)
        loss = - (prediction_i - prediction_j).sigmoid().log().sum() - args.lamda * reg  # expect: WD302
        loss.backward()
        optimizer.step()

    bpr.eval()
    HR, NDCG = evaluate.metrics(bpr, test_loader, args.top_k)
    print("Epoch {:03d} took {:.1f}s  HR: {:.3f}\tNDCG: {:.3f}".format(epoch, time.time() - start_time,
                                                                       np.mean(HR), np.mean(NDCG)))
    if HR > best_hr and args.out:
        best_hr = HR
        torch.save(bpr, os.path.join(config.model_path, 'BPR.pt'))
