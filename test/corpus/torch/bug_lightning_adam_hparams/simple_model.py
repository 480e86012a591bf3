# Idiom seen in: taishan1994/pytorch_lightning_text_classification model/simple_model.py
# What it reproduces: the text classifier the Lightning interface wraps (embedding, LSTM, linear with bias).
import torch.nn as nn


class SimpleModel(nn.Module):
    def __init__(self, vocab_size=5000, embed_dim=128, hidden_dim=256, num_classes=10):
        super(SimpleModel, self).__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, num_classes)

    def forward(self, x, length):
        out, _ = self.lstm(self.embedding(x))
        return self.fc(out[:, -1, :]), length
