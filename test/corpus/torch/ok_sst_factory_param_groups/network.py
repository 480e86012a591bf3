# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/optimizer.py
# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/main.py
# What it reproduces: the same timm-style create_optimizer, but the decay goes into two param groups
# (no decay for biases and 1-d params) and only SGD/AdamW branches exist, default adamw: clean.
import torch.nn as nn


class LSTMClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim=300, hidden_dim=256, num_classes=5, dropout=0.5):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, num_layers=2, batch_first=True, bidirectional=True)
        self.norm = nn.LayerNorm(2 * hidden_dim)
        self.fc = nn.Linear(2 * hidden_dim, num_classes)
        self.dropout = nn.Dropout(dropout)

    def forward(self, tokens):
        out, _ = self.lstm(self.embedding(tokens))
        return self.fc(self.dropout(self.norm(out.mean(dim=1))))
