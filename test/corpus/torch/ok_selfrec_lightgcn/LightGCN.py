# Idiom seen in: Coder-Yu/SELFRec model/graph/LightGCN.py
# Idiom seen in: Coder-Yu/SELFRec util/loss_torch.py
# What it reproduces: LightGCN trains bpr_loss + l2_reg_loss(reg, batch embedding rows)/batch_size with a plain
#   Adam (no weight_decay): the hand-written penalty is the only decay and it is in the backpropagated loss: clean.
import torch
import torch.nn as nn

from base.graph_recommender import GraphRecommender
from base.torch_interface import TorchGraphInterface
from loss_torch import bpr_loss, l2_reg_loss
from util.sampler import next_batch_pairwise


class LGCN_Encoder(nn.Module):
    def __init__(self, data, emb_size, n_layers):
        super(LGCN_Encoder, self).__init__()
        self.data = data
        self.layers = n_layers
        initializer = nn.init.xavier_uniform_
        self.embedding_dict = nn.ParameterDict({
            'user_emb': nn.Parameter(initializer(torch.empty(data.user_num, emb_size))),
            'item_emb': nn.Parameter(initializer(torch.empty(data.item_num, emb_size))),
        })
        self.sparse_norm_adj = TorchGraphInterface.convert_sparse_mat_to_tensor(data.norm_adj)

    def forward(self):
        ego_embeddings = torch.cat([self.embedding_dict['user_emb'], self.embedding_dict['item_emb']], 0)
        all_embeddings = [ego_embeddings]
        for k in range(self.layers):
            ego_embeddings = torch.sparse.mm(self.sparse_norm_adj, ego_embeddings)
            all_embeddings += [ego_embeddings]
        all_embeddings = torch.stack(all_embeddings, dim=1).mean(dim=1)
        return all_embeddings[:self.data.user_num], all_embeddings[self.data.user_num:]


class LightGCN(GraphRecommender):
    def __init__(self, conf, training_set, test_set, n_layers=3, emb_size=64, lr=0.001, reg=0.0001, batch_size=2048):
        super(LightGCN, self).__init__(conf, training_set, test_set)
        self.lRate, self.reg, self.batch_size, self.maxEpoch = lr, reg, batch_size, 120
        self.model = LGCN_Encoder(self.data, emb_size, n_layers)

    def train(self):
        model = self.model
        optimizer = torch.optim.Adam(model.parameters(), lr=self.lRate)
        for epoch in range(self.maxEpoch):
            for n, batch in enumerate(next_batch_pairwise(self.data, self.batch_size)):
                user_idx, pos_idx, neg_idx = batch
                rec_user_emb, rec_item_emb = model()
                user_emb, pos_item_emb, neg_item_emb = rec_user_emb[user_idx], rec_item_emb[pos_idx], rec_item_emb[neg_idx]
                batch_loss = bpr_loss(user_emb, pos_item_emb, neg_item_emb) + l2_reg_loss(
                    self.reg, model.embedding_dict['user_emb'][user_idx],
                    model.embedding_dict['item_emb'][pos_idx],
                    model.embedding_dict['item_emb'][neg_idx]) / self.batch_size
                optimizer.zero_grad()
                batch_loss.backward()
                optimizer.step()
                if n % 100 == 0 and n > 0:
                    print('training:', epoch + 1, 'batch', n, 'batch_loss:', batch_loss.item())
            with torch.no_grad():
                self.user_emb, self.item_emb = model()
            if epoch % 5 == 0:
                self.fast_evaluation(epoch)
