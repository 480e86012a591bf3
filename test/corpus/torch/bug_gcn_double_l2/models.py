# Idiom seen in: repository not resolved by the code index (index file ids 6489762080 / 5893998152: an
#   AoSEGCN node-classification script, `from src.models import AoSEGCN`, with a TF-GCN style l2_loss())
# What it reproduces: the model side: a Kipf-TF-style l2_loss() over the first graph-conv layer's weight,
#   kept when the code was ported to PyTorch.
import torch.nn as nn
import torch.nn.functional as F

from layers import GraphConvolution


class AoSEGCN(nn.Module):
    def __init__(self, nfeat, nhid, nclass, dropout, num_layers=1):
        super().__init__()
        self.aose_gcns = nn.ModuleList([GraphConvolution(nfeat, nhid)])
        for _ in range(num_layers - 1):
            self.aose_gcns.append(GraphConvolution(nhid, nhid))
        self.aose_final = GraphConvolution(nhid, nclass)
        self.dropout = dropout

    def forward(self, x, adj):
        for gcn in self.aose_gcns:
            x = F.relu(gcn(x, adj))
            x = F.dropout(x, self.dropout, training=self.training)
        x = self.aose_final(x, adj)
        return F.log_softmax(x, dim=1)

    def l2_loss(self):
        # TF-GCN: weight decay on the first layer's weight matrix only
        return self.aose_gcns[0].weight.pow(2).sum() / 2
