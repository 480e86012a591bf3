# Idiom seen in: yihong-chen/neural-collaborative-filtering src/utils.py
# Idiom seen in: yihong-chen/neural-collaborative-filtering src/train.py
# What it reproduces: NCF MLP tower (user/item embeddings + Linear layers with biases) and its engine;
# the engine's optimizer comes from the shared use_optimizer factory.
import torch

from engine import Engine
from utils import use_cuda


class MLP(torch.nn.Module):
    def __init__(self, config):
        super(MLP, self).__init__()
        self.config = config
        self.num_users = config['num_users']
        self.num_items = config['num_items']
        self.latent_dim = config['latent_dim']
        self.embedding_user = torch.nn.Embedding(num_embeddings=self.num_users, embedding_dim=self.latent_dim)
        self.embedding_item = torch.nn.Embedding(num_embeddings=self.num_items, embedding_dim=self.latent_dim)
        self.fc_layers = torch.nn.ModuleList()
        for in_size, out_size in zip(config['layers'][:-1], config['layers'][1:]):
            self.fc_layers.append(torch.nn.Linear(in_size, out_size))
        self.affine_output = torch.nn.Linear(in_features=config['layers'][-1], out_features=1)
        self.logistic = torch.nn.Sigmoid()

    def forward(self, user_indices, item_indices):
        vector = torch.cat([self.embedding_user(user_indices), self.embedding_item(item_indices)], dim=-1)
        for layer in self.fc_layers:
            vector = torch.nn.ReLU()(layer(vector))
        return self.logistic(self.affine_output(vector))


class MLPEngine(Engine):
    def __init__(self, config):
        self.model = MLP(config)
        if config['use_cuda'] is True:
            use_cuda(True, config['device_id'])
            self.model.cuda()
        super(MLPEngine, self).__init__(config)
