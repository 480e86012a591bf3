# Idiom seen in: EdisonLeeeee/GraphGallery graphgallery/nn/models/pytorch/gcn.py
# What it reproduces: Keras-like torch GCN that appends one param group per layer, the hidden ones with
# dict(params=layer.parameters(), weight_decay=weight_decay), into optim.Adam: coupled L2 under Adam
# (the layers are built with use_bias=False, so no bias is decayed).
import graphgallery.functional as gf
from graphgallery.datasets import Planetoid

from gcn import GCN

data = Planetoid('cora', root='~/GraphData/datasets', verbose=False)
graph = data.graph
splits = data.split_nodes()
adj = gf.to_sparse_tensor(gf.normalize_adj(graph.adj_matrix))
x = gf.astensor(gf.normalize_attr(graph.node_attr))
y = gf.astensor(graph.node_label)

model = GCN(x.size(1), graph.num_node_classes, hids=[16], acts=['relu'])
for epoch in range(200):
    loss = model.train_step_on_batch((x, adj), y[splits.train_nodes], out_index=splits.train_nodes)
    if epoch % 20 == 0:
        print('epoch', epoch, 'loss', loss)
