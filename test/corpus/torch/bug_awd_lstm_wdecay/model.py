# Idiom seen in: BelhalK/baiduresearch Code/e)SAGD/awd-lstm-lm/main.py
# What it reproduces: the AWD-LSTM script, plain SGD with lr=30 and weight_decay=args.wdecay on
# list(model.parameters()); --wdecay was set to an AdamW-style 0.1 (the original is 1.2e-6), so
# lr*wd = 3 and the decay alone flips and grows the weights; biases/embeddings are decayed too.
import torch.nn as nn


class RNNModel(nn.Module):
    def __init__(self, ntoken, ninp, nhid, nlayers, dropout=0.4, tie_weights=True):
        super(RNNModel, self).__init__()
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnns = nn.ModuleList([
            nn.LSTM(ninp if l == 0 else nhid, nhid if l != nlayers - 1 else ninp, 1)
            for l in range(nlayers)
        ])
        self.decoder = nn.Linear(ninp, ntoken)
        if tie_weights:
            self.decoder.weight = self.encoder.weight
        self.nlayers = nlayers

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output = emb
        new_hidden = []
        for l, rnn in enumerate(self.rnns):
            output, h = rnn(output, hidden[l])
            new_hidden.append(h)
            output = self.drop(output)
        return self.decoder(output), new_hidden
