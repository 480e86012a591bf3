# Idiom seen in: X-CCS/WE-Tacotron network.py
# What it reproduces: the model module that imports hparams as `hp`; train.py reaches both through
#   `from network import *`.
import torch
import torch.nn as nn

import hparams as hp


class Tacotron(nn.Module):
    def __init__(self, n_symbols=70):
        super().__init__()
        self.embed = nn.Embedding(n_symbols, hp.embedding_size)
        self.encoder = nn.GRU(hp.embedding_size, hp.hidden_size, batch_first=True, bidirectional=True)
        self.decoder = nn.GRU(hp.num_mels, 2 * hp.hidden_size, batch_first=True)
        self.mel_proj = nn.Linear(2 * hp.hidden_size, hp.num_mels)
        self.post_bn = nn.BatchNorm1d(hp.num_mels)
        self.linear_proj = nn.Linear(hp.num_mels, hp.num_freq)

    def forward(self, texts, mel_input):
        memory, _ = self.encoder(self.embed(texts))
        h0 = memory[:, -1:, :].transpose(0, 1).contiguous()
        dec, _ = self.decoder(mel_input.transpose(1, 2), h0)
        mel_output = self.mel_proj(dec).transpose(1, 2)
        linear_output = self.linear_proj(torch.relu(self.post_bn(mel_output)).transpose(1, 2)).transpose(1, 2)
        return mel_output, linear_output
