# Idiom seen in: hsuehkuan-lu/sentiment-classification model/mlp.py (the model handed to training/mlp.py's Trainer)
# What it reproduces: a bag-of-embeddings MLP classifier whose Linear biases and LayerNorm affine parameters end up in the optimizer of mlp.py.
import torch
from torch import nn


class TextMLP(nn.Module):
    def __init__(self, vocab_size, embed_dim=64, hidden=128, dropout=0.3):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, mode="mean")
        self.fc1 = nn.Linear(embed_dim, hidden)
        self.norm = nn.LayerNorm(hidden)
        self.dropout = nn.Dropout(dropout)
        self.fc2 = nn.Linear(hidden, 1)
        self.init_weights()

    def init_weights(self):
        initrange = 0.5
        self.embedding.weight.data.uniform_(-initrange, initrange)
        self.fc1.weight.data.uniform_(-initrange, initrange)
        self.fc1.bias.data.zero_()
        self.fc2.weight.data.uniform_(-initrange, initrange)
        self.fc2.bias.data.zero_()

    def forward(self, text, offsets):
        x = self.embedding(text, offsets)
        x = self.dropout(torch.relu(self.norm(self.fc1(x))))
        return torch.sigmoid(self.fc2(x))

    def save_model(self, path):
        torch.save(self.state_dict(), path)
