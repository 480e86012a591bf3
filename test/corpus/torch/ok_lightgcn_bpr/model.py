# Idiom seen in: MilkFeng/LightGCN model.py
# What it reproduces: LightGCN with only two embedding tables; bpr_loss returns the BPR loss and the
# L2 norm of the layer-0 embeddings of the batch (reg_loss) for the caller to scale and add.
import torch
import torch.nn as nn

import args


class LightGCN(nn.Module):
    def __init__(self, num_users, num_items, graph):
        super().__init__()
        self.num_users = num_users
        self.num_items = num_items
        self.graph = graph
        self.embedding_user = nn.Embedding(num_users, args.REC_DIM)
        self.embedding_item = nn.Embedding(num_items, args.REC_DIM)
        nn.init.normal_(self.embedding_user.weight, std=0.1)
        nn.init.normal_(self.embedding_item.weight, std=0.1)

    def computer(self):
        all_emb = torch.cat([self.embedding_user.weight, self.embedding_item.weight])
        embs = [all_emb]
        for _ in range(args.LAYER):
            all_emb = torch.sparse.mm(self.graph, all_emb)
            embs.append(all_emb)
        light_out = torch.mean(torch.stack(embs, dim=1), dim=1)
        return torch.split(light_out, [self.num_users, self.num_items])

    def get_embedding(self, users, pos_items, neg_items):
        all_users, all_items = self.computer()
        return (all_users[users], all_items[pos_items], all_items[neg_items],
                self.embedding_user(users), self.embedding_item(pos_items), self.embedding_item(neg_items))

    def bpr_loss(self, users, pos, neg):
        users_emb, pos_emb, neg_emb, user_emb0, pos_emb0, neg_emb0 = self.get_embedding(users, pos, neg)
        reg_loss = (1 / 2) * (user_emb0.norm(2).pow(2) + pos_emb0.norm(2).pow(2)
                              + neg_emb0.norm(2).pow(2)) / float(len(users))
        pos_scores = torch.sum(torch.mul(users_emb, pos_emb), dim=1)
        neg_scores = torch.sum(torch.mul(users_emb, neg_emb), dim=1)
        loss = torch.mean(torch.nn.functional.softplus(neg_scores - pos_scores))
        return loss, reg_loss
