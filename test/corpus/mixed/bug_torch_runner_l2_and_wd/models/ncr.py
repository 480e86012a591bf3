# Idiom seen in: rutgerswiselab/NCR src/models/NCR.py
# What it reproduces: a neural logic recommender subclass: user/item embeddings plus small MLP operators (Linear with bias, LayerNorm), all inheriting l2() from the base model.
import torch
import torch.nn.functional as F

from models.base_model import BaseModel


class NCR(BaseModel):
    def __init__(self, user_num, item_num, emb_size=64, random_seed=2018):
        self.user_num = user_num
        self.item_num = item_num
        self.emb_size = emb_size
        super(NCR, self).__init__(feature_num=emb_size, random_seed=random_seed)

    def _init_weights(self):
        self.iid_embeddings = torch.nn.Embedding(self.item_num, self.emb_size)
        self.uid_embeddings = torch.nn.Embedding(self.user_num, self.emb_size)
        self.not_layer_1 = torch.nn.Linear(self.emb_size, self.emb_size)
        self.not_layer_2 = torch.nn.Linear(self.emb_size, self.emb_size)
        self.or_layer_1 = torch.nn.Linear(2 * self.emb_size, self.emb_size)
        self.or_layer_2 = torch.nn.Linear(self.emb_size, self.emb_size)
        self.norm = torch.nn.LayerNorm(self.emb_size)

    def logic_not(self, v):
        return self.not_layer_2(F.relu(self.not_layer_1(v)))

    def logic_or(self, a, b):
        return self.or_layer_2(F.relu(self.or_layer_1(torch.cat([a, b], dim=-1))))

    def predict(self, feed_dict):
        u = self.uid_embeddings(feed_dict['uid'])
        i = self.iid_embeddings(feed_dict['iid'])
        his = self.iid_embeddings(feed_dict['history'])
        v = self.logic_not(his[:, 0])
        for k in range(1, his.size(1)):
            v = self.logic_or(v, self.logic_not(his[:, k]))
        v = self.logic_or(v, i + u)
        return {'prediction': F.cosine_similarity(self.norm(v), self.norm(i + u), dim=-1)}

    def forward(self, feed_dict):
        out = self.predict(feed_dict)
        pos, neg = out['prediction'].chunk(2)
        out['loss'] = -(pos - neg).sigmoid().log().mean()
        return out
