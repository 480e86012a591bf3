# Idiom seen in: SoumithReddy6/Neural-Collaborative-Filtering-Recommender ncf_recommender/models.py
# What it reproduces: MatrixFactorization and an NCF MLP over user/item embedding tables (the MLP layers have
# biases); build_model picks one by name.
import torch
from torch import nn


class MatrixFactorization(nn.Module):
    def __init__(self, num_users, num_items, embedding_dim=32):
        super().__init__()
        self.user_embeddings = nn.Embedding(num_users, embedding_dim)
        self.item_embeddings = nn.Embedding(num_items, embedding_dim)
        nn.init.normal_(self.user_embeddings.weight, std=0.05)
        nn.init.normal_(self.item_embeddings.weight, std=0.05)

    def forward(self, users, items):
        return (self.user_embeddings(users) * self.item_embeddings(items)).sum(dim=-1)


class NeuralCollaborativeFiltering(nn.Module):
    def __init__(self, num_users, num_items, embedding_dim=32, hidden_layers=None, dropout=0.1):
        super().__init__()
        hidden_layers = hidden_layers or [64, 32, 16]
        self.user_embeddings = nn.Embedding(num_users, embedding_dim)
        self.item_embeddings = nn.Embedding(num_items, embedding_dim)
        layers = []
        input_dim = embedding_dim * 2
        for hidden_dim in hidden_layers:
            layers.extend([nn.Linear(input_dim, hidden_dim), nn.ReLU(), nn.Dropout(dropout)])
            input_dim = hidden_dim
        layers.append(nn.Linear(input_dim, 1))
        self.mlp = nn.Sequential(*layers)
        nn.init.normal_(self.user_embeddings.weight, std=0.05)
        nn.init.normal_(self.item_embeddings.weight, std=0.05)

    def forward(self, users, items):
        features = torch.cat([self.user_embeddings(users), self.item_embeddings(items)], dim=-1)
        return self.mlp(features).squeeze(-1)


def build_model(model_type, num_users, num_items, embedding_dim=32):
    if model_type == "mf":
        return MatrixFactorization(num_users, num_items, embedding_dim)
    if model_type == "ncf":
        return NeuralCollaborativeFiltering(num_users, num_items, embedding_dim)
    raise ValueError(f"Unsupported model_type: {model_type}")
