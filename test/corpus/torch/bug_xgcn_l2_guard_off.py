# Idiom seen in: CGCL-codes/XGCN_library XGCN/model/LightGCN/LightGCN.py
# What it reproduces: the L2 term on batch embeddings is guarded by `if self.L2_reg_weight > 0`, and the
# only config the script builds sets L2_reg_weight to 0.0: the regularization code never runs.
import torch
import torch.nn.functional as F

CONFIG = {
    'emb_dim': 64,
    'emb_lr': 0.005,
    'L2_reg_weight': 0.0,
    'num_epochs': 200,
}


class MF(torch.nn.Module):

    def __init__(self, config, num_nodes):
        super().__init__()
        self.L2_reg_weight = config['L2_reg_weight']
        self.emb_table = torch.nn.Embedding(num_nodes, config['emb_dim'])
        self.optimizer = torch.optim.Adam(self.emb_table.parameters(), lr=config['emb_lr'])

    def forward_and_backward(self, batch_data):
        src, pos, neg = batch_data
        src_emb = self.emb_table(src)
        pos_emb = self.emb_table(pos)
        neg_emb = self.emb_table(neg)
        loss = F.softplus((src_emb * neg_emb).sum(-1) - (src_emb * pos_emb).sum(-1)).mean()
        if self.L2_reg_weight > 0:  # expect: WD303
            L2_reg_loss = 1 / 2 * (src_emb.pow(2).sum() + pos_emb.pow(2).sum() + neg_emb.pow(2).sum()) / len(src)
            loss = loss + self.L2_reg_weight * L2_reg_loss
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.item()


def main():
    from XGCN.data import build_train_dl
    model = MF(CONFIG, num_nodes=29858 + 40981)
    for epoch in range(CONFIG['num_epochs']):
        for batch in build_train_dl('data/gowalla', batch_size=2048):
            model.forward_and_backward(batch)


if __name__ == '__main__':
    main()
