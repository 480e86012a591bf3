# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/loss/BPRLoss.py
# Idiom seen in: 3112944976/KnowledgeTreasure AI/RSLearnCode/LightGCN/mylightgcn/main.py
# What it reproduces: LightGCN with the L2 term on the layer-0 embeddings built inside a BPRLoss object
# (reg_loss * weight_decay added to the BPR loss that is backpropagated) and Adam WITHOUT weight_decay:
# the decay is applied once, through the loss. Clean.
import random

import numpy as np
import torch

from DataLoader import Loader
from loss import BPRLoss
from models import lightgcn
from procedures import train_pairwise, eval_pairwise


def main():
    seed = 42
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

    topk, layers, epochs = 20, 3, 400
    keep_prob, embedding_dim = 0.6, 64
    batch_size, test_batch_size = 2048, 100
    lr = 0.001
    weight_decay = 1e-4

    adj_mat, samples, users_num, items_num, train_dict = Loader.train_loader("amazon-book/train.txt")
    test_dict = Loader.test_loader("amazon-book/test.txt")
    model = lightgcn.LightGCN(users_num, items_num, embedding_dim, layers, keep_prob, adj_mat.to(device))
    model.to(device)

    loss_fun = BPRLoss.BPRLoss(weight_decay=weight_decay)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    for epoch in range(epochs):
        avg_loss = train_pairwise.train_pairwise(samples, model, loss_fun, optimizer, batch_size, device)
        print("epoch {} loss {:.5f}".format(epoch, avg_loss))
        if epoch % 10 == 0 and epoch:
            precision, recall, ndcg = eval_pairwise.eval_pairwise(train_dict, test_dict, model, test_batch_size, topk, device)
            print("P@{0} {1:.4f} R@{0} {2:.4f} NDCG@{0} {3:.4f}".format(topk, precision, recall, ndcg))


if __name__ == "__main__":
    main()
