# Idiom seen in: guoyang9/NCF main.py
# Idiom seen in: guoyang9/NCF model.py
# What it reproduces: Neural Collaborative Filtering (GMF / MLP / NeuMF) on implicit feedback with sampled
#   negatives; regularization is dropout only, and the optimizer is SGD (pretrained NeuMF) or Adam with no
#   weight_decay and no penalty term. Clean.
import argparse
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data as data

import config
import evaluate
import data_utils


class NCF(nn.Module):
    def __init__(self, user_num, item_num, factor_num, num_layers, dropout, model, GMF_model=None, MLP_model=None):
        super(NCF, self).__init__()
        self.dropout = dropout
        self.model = model
        self.embed_user_GMF = nn.Embedding(user_num, factor_num)
        self.embed_item_GMF = nn.Embedding(item_num, factor_num)
        self.embed_user_MLP = nn.Embedding(user_num, factor_num * (2 ** (num_layers - 1)))
        self.embed_item_MLP = nn.Embedding(item_num, factor_num * (2 ** (num_layers - 1)))
        MLP_modules = []
        for i in range(num_layers):
            input_size = factor_num * (2 ** (num_layers - i))
            MLP_modules.append(nn.Dropout(p=self.dropout))
            MLP_modules.append(nn.Linear(input_size, input_size // 2))
            MLP_modules.append(nn.ReLU())
        self.MLP_layers = nn.Sequential(*MLP_modules)
        predict_size = factor_num if self.model in ['MLP', 'GMF'] else factor_num * 2
        self.predict_layer = nn.Linear(predict_size, 1)
        for emb in (self.embed_user_GMF, self.embed_item_GMF, self.embed_user_MLP, self.embed_item_MLP):
            nn.init.normal_(emb.weight, std=0.01)

    def forward(self, user, item):
        output_GMF = self.embed_user_GMF(user) * self.embed_item_GMF(item)
        interaction = torch.cat((self.embed_user_MLP(user), self.embed_item_MLP(item)), -1)
        output_MLP = self.MLP_layers(interaction)
        if self.model == 'GMF':
            concat = output_GMF
        elif self.model == 'MLP':
            concat = output_MLP
        else:
            concat = torch.cat((output_GMF, output_MLP), -1)
        return self.predict_layer(concat).view(-1)


parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=0.001, help="learning rate")
parser.add_argument("--dropout", type=float, default=0.0, help="dropout rate")
parser.add_argument("--batch_size", type=int, default=256, help="batch size for training")
parser.add_argument("--epochs", type=int, default=20, help="training epoches")
parser.add_argument("--top_k", type=int, default=10, help="compute metrics@top_k")
parser.add_argument("--factor_num", type=int, default=32, help="predictive factors numbers in the model")
parser.add_argument("--num_layers", type=int, default=3, help="number of layers in MLP model")
parser.add_argument("--num_ng", type=int, default=4, help="sample negative items for training")
parser.add_argument("--test_num_ng", type=int, default=99, help="sample part of negative items for testing")
args = parser.parse_args()

train_data, test_data, user_num, item_num, train_mat = data_utils.load_all()
train_dataset = data_utils.NCFData(train_data, item_num, train_mat, args.num_ng, True)
test_dataset = data_utils.NCFData(test_data, item_num, train_mat, 0, False)
train_loader = data.DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True, num_workers=4)
test_loader = data.DataLoader(test_dataset, batch_size=args.test_num_ng + 1, shuffle=False, num_workers=0)

model = NCF(user_num, item_num, args.factor_num, args.num_layers, args.dropout, config.model)
loss_function = nn.BCEWithLogitsLoss()

if config.model == 'NeuMF-pre':
    optimizer = optim.SGD(model.parameters(), lr=args.lr)
else:
    optimizer = optim.Adam(model.parameters(), lr=args.lr)

best_hr = 0
for epoch in range(args.epochs):
    model.train()
    start_time = time.time()
    train_loader.dataset.ng_sample()
    for user, item, label in train_loader:
        model.zero_grad()
        prediction = model(user, item)
        loss = loss_function(prediction, label.float())
        loss.backward()
        optimizer.step()

    model.eval()
    HR, NDCG = evaluate.metrics(model, test_loader, args.top_k)
    print("epoch {:03d} took {:.1f}s HR: {:.3f}\tNDCG: {:.3f}".format(epoch, time.time() - start_time,
                                                                  np.mean(HR), np.mean(NDCG)))
    if HR > best_hr:
        best_hr = HR
        os.makedirs(config.model_path, exist_ok=True)
        torch.save(model, '{}{}.pth'.format(config.model_path, config.model))
