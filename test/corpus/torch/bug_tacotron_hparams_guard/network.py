# Idiom seen in: X-CCS/WE-Tacotron network.py
# Idiom seen in: X-CCS/WE-Tacotron module.py
# What it reproduces: the network module that imports the hparams module as `hp`; train.py gets both
#   the model class and `hp` through `from network import *`.
import torch
import torch.nn as nn

import hparams as hp


class CBHG(nn.Module):
    def __init__(self, in_dim, K=16):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv1d(in_dim, hp.hidden_size, k, padding=k // 2) for k in range(1, K + 1)])
        self.bns = nn.ModuleList([nn.BatchNorm1d(hp.hidden_size) for _ in range(K)])
        self.proj = nn.Conv1d(K * hp.hidden_size, in_dim, 3, padding=1)
        self.gru = nn.GRU(in_dim, hp.hidden_size, batch_first=True, bidirectional=True)

    def forward(self, x):
        t = x.size(-1)
        y = torch.cat([torch.relu(bn(conv(x)))[:, :, :t] for conv, bn in zip(self.convs, self.bns)], dim=1)
        y = self.proj(y) + x
        out, _ = self.gru(y.transpose(1, 2))
        return out


class Tacotron(nn.Module):
    def __init__(self, n_symbols=70):
        super().__init__()
        self.embed = nn.Embedding(n_symbols, hp.embedding_size)
        self.encoder = CBHG(hp.embedding_size)
        self.decoder = nn.GRU(hp.num_mels, 2 * hp.hidden_size, batch_first=True)
        self.mel_proj = nn.Linear(2 * hp.hidden_size, hp.num_mels)
        self.postnet = CBHG(hp.num_mels)
        self.linear_proj = nn.Linear(2 * hp.hidden_size, hp.num_freq)

    def forward(self, texts, mel_input):
        memory = self.encoder(self.embed(texts).transpose(1, 2))
        dec, _ = self.decoder(mel_input.transpose(1, 2), memory[:, -1:, :].transpose(0, 1).contiguous())
        mel_output = self.mel_proj(dec).transpose(1, 2)
        linear_output = self.linear_proj(self.postnet(mel_output)).transpose(1, 2)
        return mel_output, linear_output
