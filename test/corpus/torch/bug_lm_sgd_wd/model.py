# Idiom seen in: xieliang555/Language-Modeling model.py
# What it reproduces: a word-level LSTM language model (embedding, LSTM, tied decoder with bias).
import torch.nn as nn


class RNNLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c = cfg.rnn
        self.embedding = nn.Embedding(cfg.data.vocabSize, c.nemd)
        self.drop = nn.Dropout(c.drop_ratio)
        self.rnn = nn.LSTM(c.nemd, c.nhid, c.nlayer, dropout=c.drop_ratio)
        self.proj = nn.Linear(c.nhid, c.nemd)
        self.decoder = nn.Linear(c.nemd, cfg.data.vocabSize)
        if c.tie_weight:
            self.decoder.weight = self.embedding.weight

    def forward(self, inputs):
        emb = self.drop(self.embedding(inputs))
        out, _ = self.rnn(emb)
        out = self.drop(self.proj(out))
        return self.decoder(out)
