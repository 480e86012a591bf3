# Idiom seen in: soujie/GnnCode gcn_dgl/train.py
# Idiom seen in: soujie/GnnCode gcn_dgl/model.py
# Idiom seen in: soujie/GnnCode gcn_dgl/layer.py
# What it reproduces: a GCN whose block class is picked from a dict (dgl GraphConv or an own GCNLayer,
# both with biases), trained with torch.optim.Adam(model.parameters(), weight_decay=args.weight_decay):
# coupled L2 under Adam, on the biases too.
import argparse
import dgl
import torch
import torch.nn.functional as F

from model import Gcn


def evaluate(model, graph, feats, label, mask):
    model.eval()
    with torch.no_grad():
        pred = model(graph, feats)[mask]
    return (pred.argmax(1) == label[mask]).float().mean().item()


def main(args):
    data = dgl.data.CoraGraphDataset()
    g = data[0]
    features, label = g.ndata['feat'], g.ndata['label']
    train_mask, val_mask = g.ndata['train_mask'], g.ndata['val_mask']
    if args.self_loop:
        g = dgl.add_self_loop(dgl.remove_self_loop(g))
    norm = torch.pow(g.in_degrees().float(), -0.5)
    norm[torch.isinf(norm)] = 0
    g.ndata['norm'] = norm.unsqueeze(1)

    model = Gcn(features.shape[1], args.n_hidden, data.num_labels, args.n_layers,
                activation=F.relu, dropout=args.dropout, layer_type=args.layer_type)
    loss_fn = torch.nn.CrossEntropyLoss()
    optim = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202, WD203
    for epoch in range(args.epoches):
        model.train()
        loss = loss_fn(model(g, features)[train_mask], label[train_mask])
        optim.zero_grad()
        loss.backward()
        optim.step()
        print(f'Epoch {epoch} | Loss {loss.item():.4f} | val acc {evaluate(model, g, features, label, val_mask):.4f}')


if __name__ == '__main__':
    parse = argparse.ArgumentParser()
    parse.add_argument('--dropout', type=float, default=0.6, help='dropout prob')
    parse.add_argument('--lr', type=float, default=1e-2, help='learning rate')
    parse.add_argument('--epoches', type=int, default=100, help='total train epoches')
    parse.add_argument('--n-hidden', type=int, default=16, help='hidden layer dim')
    parse.add_argument('--n-layers', type=int, default=1, help='number of gcn layer')
    parse.add_argument('--weight-decay', type=float, default=5e-4, help='weight for l2 norm')
    parse.add_argument('--self-loop', type=bool, default=False, help='add self loop')
    parse.add_argument('--layer-type', type=str, default='raw', help='use custom dgl / raw gcn block')
    main(parse.parse_args())
