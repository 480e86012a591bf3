# Idiom seen in: CGCL-codes/XGCN_library XGCN/model/LightGCN/LightGCN.py
# Idiom seen in: CGCL-codes/XGCN_library XGCN/model/base/BaseEmbeddingModel.py
# What it reproduces: XGCN-style LightGCN with a config dict (L2_reg_weight, emb_lr): the BPR loss adds
# L2_reg_weight * the squared norms of the batch embedding rows; Adam has no weight_decay. Clean.
import torch
import torch.nn.functional as F


class LightGCN(torch.nn.Module):

    def __init__(self, config, num_nodes, norm_adj):
        super().__init__()
        self.config = config
        self.num_layers = config['num_gcn_layers']
        self.L2_reg_weight = config['L2_reg_weight']
        self.norm_adj = norm_adj
        self.emb_table = torch.nn.Embedding(num_nodes, config['emb_dim'])
        torch.nn.init.normal_(self.emb_table.weight, std=0.1)
        self.optimizer = torch.optim.Adam(self.emb_table.parameters(), lr=config['emb_lr'])

    def propagate(self):
        x = self.emb_table.weight
        xs = [x]
        for _ in range(self.num_layers):
            x = torch.sparse.mm(self.norm_adj, x)
            xs.append(x)
        return torch.stack(xs, dim=1).mean(dim=1)

    def forward_and_backward(self, batch_data):
        src, pos, neg = batch_data
        out = self.propagate()
        src_emb, pos_emb, neg_emb = out[src], out[pos], out[neg]
        pos_score = (src_emb * pos_emb).sum(dim=-1)
        neg_score = (src_emb * neg_emb).sum(dim=-1)
        loss = F.softplus(neg_score - pos_score).mean()

        rw = self.L2_reg_weight
        if rw > 0:
            L2_reg_loss = 1 / 2 * (1 / len(src)) * (
                (self.emb_table(src) ** 2).sum()
                + (self.emb_table(pos) ** 2).sum()
                + (self.emb_table(neg) ** 2).sum())
            loss += rw * L2_reg_loss

        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()
