# Idiom seen in: MilkFeng/LightGCN main.py
# What it reproduces: the epoch loop drawing (user, pos, neg) triples and calling BPRLoss.stageOne.
import torch

import args
from data import load_dataset, uniform_sample
from loss import BPRLoss
from model import LightGCN

torch.manual_seed(args.SEED)
dataset = load_dataset(args.DATASET_NAME)
model = LightGCN(dataset.n_users, dataset.m_items, dataset.get_sparse_graph()).to(args.DEVICE)
bpr = BPRLoss(model)

for epoch in range(args.EPOCHS):
    S = uniform_sample(dataset)
    users = torch.as_tensor(S[:, 0], dtype=torch.long, device=args.DEVICE)
    pos = torch.as_tensor(S[:, 1], dtype=torch.long, device=args.DEVICE)
    neg = torch.as_tensor(S[:, 2], dtype=torch.long, device=args.DEVICE)
    aver_loss = 0.0
    n_batch = len(users) // args.BATCH_SIZE + 1
    for i in range(n_batch):
        sl = slice(i * args.BATCH_SIZE, (i + 1) * args.BATCH_SIZE)
        aver_loss += bpr.stageOne(users[sl], pos[sl], neg[sl])
    print(f"EPOCH[{epoch + 1}/{args.EPOCHS}] loss{aver_loss / n_batch:.3f}")
