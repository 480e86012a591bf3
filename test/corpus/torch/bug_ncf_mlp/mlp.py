# Idiom seen in: jrzaurin/ml-pipeline-recommendation-system mlp.py
# Idiom seen in: jrzaurin/ml-pipeline-recommendation-system ncf_parsers.py
# What it reproduces: NCF-MLP with AdamW or Nesterov SGD, both built on all model.parameters() with
#   weight_decay=l2reg, so the Linear biases are decayed along with embeddings and kernels.
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader

from gmf import early_stopping, evaluate, train
from ncf_parsers import mlp_parse_args

use_cuda = torch.cuda.is_available()


class MLP(nn.Module):
    def __init__(self, n_user, n_item, layers, dropouts):
        super(MLP, self).__init__()
        self.embeddings_user = nn.Embedding(n_user, int(layers[0] / 2))
        self.embeddings_item = nn.Embedding(n_item, int(layers[0] / 2))
        self.mlp = nn.Sequential()
        for i in range(1, len(layers)):
            self.mlp.add_module("linear%d" % i, nn.Linear(layers[i - 1], layers[i]))
            self.mlp.add_module("leakyrelu%d" % i, nn.LeakyReLU())
            self.mlp.add_module("dropout%d" % i, nn.Dropout(p=dropouts[i - 1]))
        self.out = nn.Linear(in_features=layers[-1], out_features=1)
        for m in self.modules():
            if isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight)

    def forward(self, users, items):
        emb_vector = torch.cat([self.embeddings_user(users), self.embeddings_item(items)], dim=1)
        return torch.sigmoid(self.out(self.mlp(emb_vector)))


if __name__ == "__main__":
    args = mlp_parse_args()
    DATA_DIR = Path(args.datadir)
    layers = eval(args.layers)
    dropouts = eval(args.dropouts)
    l2reg = args.l2reg
    lr = args.lr

    dataset = np.load(DATA_DIR / args.dataname)
    train_wo_neg = pd.DataFrame(dataset["train"], columns=["user", "item", "rating"])
    test_w_neg = pd.DataFrame(dataset["test"], columns=["user", "item", "rating"])
    n_users, n_items = dataset["n_users"], dataset["n_items"]
    eval_loader = DataLoader(dataset=test_w_neg.values, batch_size=1000, shuffle=False)

    model = MLP(n_users, n_items, layers, dropouts)
    if use_cuda:
        model = model.cuda()

    if args.learner.lower() == "adamw":
        optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=l2reg)  # expect: WD203
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=lr,  # expect: WD203
                                    weight_decay=l2reg, momentum=0.9, nesterov=True)

    best_score, stop_step = -np.inf, 0
    for epoch in range(args.n_epochs):
        train(model, optimizer, epoch, args.batch_size, train_wo_neg, test_w_neg, n_items, args.n_neg)
        if epoch % args.eval_every == (args.eval_every - 1):
            hr, ndcg = evaluate(model, eval_loader, args.topk)
            print("HR = {:.4f}, NDCG = {:.4f}".format(hr, ndcg))
            best_score, stop_step, stop = early_stopping(ndcg, best_score, stop_step, 5)
            if stop:
                break
