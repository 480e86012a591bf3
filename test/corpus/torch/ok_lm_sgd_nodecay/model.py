# Idiom seen in: xieliang555/Language-Modeling model.py
# What it reproduces: the small RNN language model built from config.model.rnn.
import torch.nn as nn


class RNNLM(nn.Module):
    def __init__(self, config):
        super().__init__()
        c = config.model.rnn
        self.embedding = nn.Embedding(config.data.vocabSize, c.nemd)
        self.rnn = nn.LSTM(c.nemd, c.nhid, c.nlayer, dropout=c.drop_ratio)
        self.decoder = nn.Linear(c.nhid, config.data.vocabSize)

    def forward(self, inputs):
        out, _ = self.rnn(self.embedding(inputs))
        return self.decoder(out)
