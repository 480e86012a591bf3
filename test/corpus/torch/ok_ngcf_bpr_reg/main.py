# Idiom seen in: haesungpyun/seoul_tourism_recommendation_NGCF model/bprloss.py
# What it reproduces: a BPR loss module that carries its own weight_decay and adds
# weight_decay * (||u||^2 + ||i+||^2 + ||i-||^2) of the batch embeddings to the ranking loss; the
# Adam optimizer is built without weight_decay. Clean: one L2 term, and it is in the loss backward() uses.
import argparse

import torch

from model.mf import MatrixFactorization
from model.bprloss import BPR
from utils.data_loader import Data

parser = argparse.ArgumentParser()
parser.add_argument('--batch_size', type=int, default=1024)
parser.add_argument('--emb_dim', type=int, default=64)
parser.add_argument('--lr', type=float, default=1e-3)
parser.add_argument('--reg', type=float, default=1e-5)
parser.add_argument('--epochs', type=int, default=400)
args = parser.parse_args()

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
data_generator = Data(path='./dataset', batch_size=args.batch_size)
model = MatrixFactorization(data_generator.n_users, data_generator.n_items, args.emb_dim).to(device)
criterion = BPR(args.reg, args.batch_size)
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

for epoch in range(args.epochs):
    total = 0.0
    for _ in range(data_generator.n_train // args.batch_size + 1):
        users, pos_items, neg_items = data_generator.sample()
        u, i_pos, i_neg = model(users.to(device), pos_items.to(device), neg_items.to(device))
        loss = criterion(u, i_pos, i_neg)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
    print('epoch %d loss %.4f' % (epoch, total))
