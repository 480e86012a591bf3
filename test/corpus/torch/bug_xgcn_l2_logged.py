# Idiom seen in: CGCL-codes/XGCN_library XGCN/model/LightGCN/LightGCN.py
# What it reproduces: XGCN-style forward_and_backward with the L2 term on the batch embeddings; in this
# (user) version the L2 term is only logged, backward() runs on the cosine-contrastive loss alone.
import logging

import torch
import torch.nn.functional as F

logger = logging.getLogger(__name__)


class SimpleX(torch.nn.Module):

    def __init__(self, config, num_nodes):
        super().__init__()
        self.config = config
        self.L2_reg_weight = config['L2_reg_weight']
        self.emb_table = torch.nn.Embedding(num_nodes, config['emb_dim'])
        self.optimizer = torch.optim.Adam(self.emb_table.parameters(), lr=config['emb_lr'])

    def forward_and_backward(self, batch_data):
        src, pos, neg = batch_data
        src_emb = self.emb_table(src)
        pos_emb = self.emb_table(pos)
        neg_emb = self.emb_table(neg)
        pos_score = F.cosine_similarity(src_emb, pos_emb, dim=-1)
        neg_score = F.cosine_similarity(src_emb.unsqueeze(1), neg_emb, dim=-1)
        loss = (1 - pos_score).mean() + F.relu(neg_score - self.config['margin']).mean()

        L2_reg_loss = self.L2_reg_weight * ((src_emb ** 2).sum() + (pos_emb ** 2).sum() + (neg_emb ** 2).sum()) / len(src)  # expect: WD104
        logger.info('loss %.4f L2_reg_loss %.6f', loss.item(), L2_reg_loss.item())

        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()


if __name__ == '__main__':
    from XGCN.data import build_train_dl
    config = {'emb_dim': 64, 'L2_reg_weight': 1e-4, 'emb_lr': 0.005, 'margin': 0.4}
    model = SimpleX(config, num_nodes=70839)
    for epoch in range(100):
        for batch in build_train_dl('data/gowalla', batch_size=1024):
            print(model.forward_and_backward(batch))
