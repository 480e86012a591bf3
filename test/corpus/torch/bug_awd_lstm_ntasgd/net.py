# Idiom seen in: a-martyn/awd-lstm main.py
# What it reproduces: AWD-LSTM word language model (embedding, three LSTM layers with biases, tied decoder
# with bias); every parameter goes into the NT-ASGD optimizer built in main.py.
import torch.nn as nn


class AWD_LSTM(nn.Module):
    def __init__(self, ntokens, emsize, nhid, nlayers=3, dropout=0.4, device='cpu'):
        super().__init__()
        self.device = device
        self.encoder = nn.Embedding(ntokens, emsize)
        self.rnns = nn.ModuleList([
            nn.LSTM(emsize if l == 0 else nhid, nhid if l != nlayers - 1 else emsize, 1)
            for l in range(nlayers)
        ])
        self.decoder = nn.Linear(emsize, ntokens)
        self.decoder.weight = self.encoder.weight
        self.drop = nn.Dropout(dropout)

    def forward(self, inp, hidden):
        out = self.drop(self.encoder(inp))
        new_hidden = []
        for l, rnn in enumerate(self.rnns):
            out, h = rnn(out, hidden[l])
            new_hidden.append(h)
            out = self.drop(out)
        return self.decoder(out), new_hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        return [(weight.new_zeros(1, bsz, rnn.hidden_size), weight.new_zeros(1, bsz, rnn.hidden_size))
                for rnn in self.rnns]
