# Idiom seen in: Coder-Yu/SELFRec model/graph/LightGCN.py
# Idiom seen in: Coder-Yu/SELFRec util/loss_torch.py
# What it reproduces: LightGCN already adds l2_reg_loss(self.reg, <batch embedding rows>) to the BPR loss; the user
#   also passes weight_decay=self.reg to Adam (user mistake in the repo's idiom): the embedding tables are decayed twice,
#   once as coupled L2 inside Adam.
import torch
import torch.nn as nn
import torch.nn.functional as F

from base.graph_recommender import GraphRecommender
from base.torch_interface import TorchGraphInterface
from util.conf import OptionConf
from util.sampler import next_batch_pairwise


def bpr_loss(user_emb, pos_item_emb, neg_item_emb):
    pos_score = torch.mul(user_emb, pos_item_emb).sum(dim=1)
    neg_score = torch.mul(user_emb, neg_item_emb).sum(dim=1)
    loss = -torch.log(10e-6 + torch.sigmoid(pos_score - neg_score))
    return torch.mean(loss)


def l2_reg_loss(reg, *args):
    emb_loss = 0
    for emb in args:
        emb_loss += torch.norm(emb, p=2) / emb.shape[0]
    return emb_loss * reg


class LGCN_Encoder(nn.Module):
    def __init__(self, data, emb_size, n_layers):
        super().__init__()
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
    def __init__(self, conf, training_set, test_set):
        super().__init__(conf, training_set, test_set)
        args = OptionConf(self.config['LightGCN'])
        self.n_layers = int(args['-n_layer'])
        self.emb_size, self.lRate, self.reg = 64, 0.001, 0.0001
        self.batch_size, self.maxEpoch = 2048, 120
        self.model = LGCN_Encoder(self.data, self.emb_size, self.n_layers)

    def train(self):
        model = self.model
        optimizer = torch.optim.Adam(model.parameters(), lr=self.lRate,
                                     weight_decay=self.reg)  # expect: WD202
        for epoch in range(self.maxEpoch):
            for n, batch in enumerate(next_batch_pairwise(self.data, self.batch_size)):
                user_idx, pos_idx, neg_idx = batch
                rec_user_emb, rec_item_emb = model()
                user_emb, pos_item_emb, neg_item_emb = rec_user_emb[user_idx], rec_item_emb[pos_idx], rec_item_emb[neg_idx]
                batch_loss = bpr_loss(user_emb, pos_item_emb, neg_item_emb) + l2_reg_loss(self.reg, model.embedding_dict['user_emb'][user_idx], model.embedding_dict['item_emb'][pos_idx], model.embedding_dict['item_emb'][neg_idx]) / self.batch_size  # expect: WD201
                optimizer.zero_grad()
                batch_loss.backward()
                optimizer.step()
                if n % 100 == 0 and n > 0:
                    print('training:', epoch + 1, 'batch', n, 'batch_loss:', batch_loss.item())
            with torch.no_grad():
                self.user_emb, self.item_emb = model()
            if epoch % 5 == 0:
                self.fast_evaluation(epoch)
