# Idiom seen in: dmlc/dgl examples/pytorch/rgcn/link_predict.py
# What it reproduces: R-GCN link prediction: get_loss returns predict_loss + reg_param * (mean square
# of the node embeddings and of w_relation), loss.backward() trains on it, and Adam has no
# weight_decay, so the only decay is the explicit penalty, and it reaches the loss. Clean.
import argparse
import time
from functools import partial

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader

from dgl.data import load_data
from layers import RGCNBlockLayer as RGCNLayer
from model import BaseRGCN
from utils import Dataset, negative_sampling, evaluate, build_graph


class RGCN(BaseRGCN):
    def create_features(self):
        features = nn.Parameter(torch.Tensor(self.num_nodes, self.h_dim))
        nn.init.xavier_uniform_(features, gain=nn.init.calculate_gain('relu'))
        return features

    def build_hidden_layer(self, idx):
        act = F.relu if idx < self.num_hidden_layers - 1 else None
        return RGCNLayer(self.h_dim, self.h_dim, self.num_rels, self.num_bases,
                         activation=act, self_loop=True, dropout=self.dropout)


class LinkPredict(nn.Module):
    def __init__(self, g, h_dim, num_rels, num_bases=-1, num_hidden_layers=1,
                 dropout=0, reg_param=0):
        super(LinkPredict, self).__init__()
        self.rgcn = RGCN(g, h_dim, h_dim, num_rels * 2, num_bases, num_hidden_layers, dropout)
        self.reg_param = reg_param
        self.w_relation = nn.Parameter(torch.Tensor(num_rels, h_dim))
        nn.init.xavier_uniform_(self.w_relation, gain=nn.init.calculate_gain('relu'))

    def calc_score(self, embedding, triplets):
        s = embedding[triplets[:, 0]]
        r = self.w_relation[triplets[:, 1]]
        o = embedding[triplets[:, 2]]
        return torch.sum(s * r * o, dim=1)

    def forward(self):
        return self.rgcn.forward()

    def regularization_loss(self, embedding):
        return torch.mean(embedding.pow(2)) + torch.mean(self.w_relation.pow(2))

    def get_loss(self, triplets, labels):
        embedding = self.forward()
        score = self.calc_score(embedding, triplets)
        predict_loss = F.binary_cross_entropy_with_logits(score, labels)
        reg_loss = self.regularization_loss(embedding)
        return predict_loss + self.reg_param * reg_loss


def main(args):
    data = load_data(args)
    num_nodes = data.num_nodes
    num_rels = data.num_rels
    g = build_graph(num_nodes, data.edges)

    model = LinkPredict(g, args.n_hidden, num_rels,
                        num_bases=args.n_bases,
                        num_hidden_layers=args.n_layers,
                        dropout=args.dropout,
                        reg_param=args.regularization)
    valid_data = torch.LongTensor(data.valid)

    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    dataset = Dataset(data.train)
    collate_fn = partial(negative_sampling, num_entity=num_nodes, negative_rate=args.negative_sample)
    dataloader = DataLoader(dataset, batch_size=args.batch_size, shuffle=True,
                            num_workers=4, collate_fn=collate_fn)

    best_mrr = 0
    for epoch in range(args.n_epochs):
        model.train()
        for batch_idx, (triplets, labels) in enumerate(dataloader):
            triplets, labels = torch.from_numpy(triplets), torch.from_numpy(labels)
            optimizer.zero_grad()
            t0 = time.time()
            loss = model.get_loss(triplets, labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_norm)
            optimizer.step()
            print("Epoch {:03d} | Batch {:03d} | Loss {:.4f} | {:.3f}s".format(
                epoch, batch_idx, loss.item(), time.time() - t0))

        model.eval()
        mrr = evaluate(model, valid_data, num_nodes, hits=[1, 3, 10], eval_bz=args.eval_batch_size)
        if mrr > best_mrr:
            best_mrr = mrr
            torch.save({'state_dict': model.state_dict(), 'epoch': epoch}, 'model_state.pth')
    print("best MRR {:.4f}".format(np.float64(best_mrr)))


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='RGCN')
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--n-hidden", type=int, default=500)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--n-bases", type=int, default=100)
    parser.add_argument("--n-layers", type=int, default=2)
    parser.add_argument("-e", "--n-epochs", type=int, default=50)
    parser.add_argument("-d", "--dataset", type=str, required=True)
    parser.add_argument("--negative-sample", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=30000)
    parser.add_argument("--eval-batch-size", type=int, default=500)
    parser.add_argument("--regularization", type=float, default=0.01)
    parser.add_argument("--grad-norm", type=float, default=1.0)
    main(parser.parse_args())
