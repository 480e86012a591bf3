# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/optimizer.py
# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/main.py
# What it reproduces: timm-style create_optimizer: opt_args = dict(lr, weight_decay) splatted into the
# branch --opt picks (default adam): coupled L2 for Adam/RMSprop, and every branch decays the LSTM biases.
import torch
import torch.nn as nn


class LSTMClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim=300, hidden_dim=256, num_layers=2, num_classes=5, dropout=0.5):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden_dim, num_layers=num_layers, batch_first=True,
                            bidirectional=True, dropout=dropout)
        self.norm = nn.LayerNorm(2 * hidden_dim)
        self.fc = nn.Linear(2 * hidden_dim, num_classes)
        self.dropout = nn.Dropout(dropout)

    def forward(self, tokens):
        out, _ = self.lstm(self.embedding(tokens))
        feat = self.norm(out.mean(dim=1))
        return self.fc(self.dropout(feat))
