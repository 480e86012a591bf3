# Idiom seen in: pmixer/SASRec.pytorch main.py
# What it reproduces: SASRec training with Adam(lr, betas=(0.9, 0.98)) and no weight_decay; the only regularizer is
#   args.l2_emb * ||param|| on the item embedding table, added to the BCE loss before loss.backward(). Clean:
#   one decay mechanism, on the embedding only, and it reaches the differentiated loss.
import argparse
import os
import time

import numpy as np
import torch

from model import SASRec
from utils import WarpSampler, data_partition, evaluate

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', required=True)
parser.add_argument('--train_dir', required=True)
parser.add_argument('--batch_size', default=128, type=int)
parser.add_argument('--lr', default=0.001, type=float)
parser.add_argument('--maxlen', default=200, type=int)
parser.add_argument('--hidden_units', default=50, type=int)
parser.add_argument('--num_blocks', default=2, type=int)
parser.add_argument('--num_epochs', default=201, type=int)
parser.add_argument('--num_heads', default=1, type=int)
parser.add_argument('--dropout_rate', default=0.2, type=float)
parser.add_argument('--l2_emb', default=1e-4, type=float)
parser.add_argument('--device', default='cuda', type=str)
args = parser.parse_args()

if __name__ == '__main__':
    dataset = data_partition(args.dataset)
    [user_train, user_valid, user_test, usernum, itemnum] = dataset
    num_batch = len(user_train) // args.batch_size
    os.makedirs(args.dataset + '_' + args.train_dir, exist_ok=True)

    sampler = WarpSampler(user_train, usernum, itemnum, batch_size=args.batch_size, maxlen=args.maxlen, n_workers=3)
    model = SASRec(usernum, itemnum, args).to(args.device)
    for name, param in model.named_parameters():
        try:
            torch.nn.init.xavier_normal_(param.data)
        except Exception:
            pass
    model.train()

    bce_criterion = torch.nn.BCEWithLogitsLoss()
    adam_optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.98))

    T, t0 = 0.0, time.time()
    for epoch in range(1, args.num_epochs + 1):
        for step in range(num_batch):
            u, seq, pos, neg = sampler.next_batch()
            u, seq, pos, neg = np.array(u), np.array(seq), np.array(pos), np.array(neg)
            pos_logits, neg_logits = model(u, seq, pos, neg)
            pos_labels = torch.ones(pos_logits.shape, device=args.device)
            neg_labels = torch.zeros(neg_logits.shape, device=args.device)
            adam_optimizer.zero_grad()
            indices = np.where(pos != 0)
            loss = bce_criterion(pos_logits[indices], pos_labels[indices])
            loss += bce_criterion(neg_logits[indices], neg_labels[indices])
            for param in model.item_emb.parameters():
                loss += args.l2_emb * torch.norm(param)
            loss.backward()
            adam_optimizer.step()
            print("loss in epoch {} iteration {}: {}".format(epoch, step, loss.item()))

        if epoch % 20 == 0:
            model.eval()
            T += time.time() - t0
            t_test = evaluate(model, dataset, args)
            print('epoch:%d, time: %f(s), test (NDCG@10: %.4f, HR@10: %.4f)' % (epoch, T, t_test[0], t_test[1]))
            t0 = time.time()
            model.train()

    torch.save(model.state_dict(), os.path.join(args.dataset + '_' + args.train_dir, 'SASRec.pth'))
    sampler.close()
