# Idiom seen in: antolu/zero-shot-language-modeling main.py
# Idiom seen in: antolu/zero-shot-language-modeling utils/parser.py
# What it reproduces: one Adam(weight_decay=--wdecay 1.2e-6) for pre-training and refinement: coupled
#   L2 under Adam over all LM parameters (biases included), reused by refine() which also adds the
#   Gaussian-prior penalty (see engine.py).
import argparse

import torch
import torch.nn as nn
from torch.optim import Adam

from data import make_loaders
from engine import train, refine
from laplace_prior import GaussianPrior


class RNN(nn.Module):
    def __init__(self, n_token, n_langs, n_input=400, n_hidden=1150, n_layers=3, dropout=0.4):
        super().__init__()
        self.encoder = nn.Embedding(n_token, n_input)
        self.lang_emb = nn.Embedding(n_langs, n_input)
        self.rnn = nn.LSTM(n_input, n_hidden, n_layers, dropout=dropout)
        self.proj = nn.Linear(n_hidden, n_input)
        self.decoder = nn.Linear(n_input, n_token)
        self.decoder.weight = self.encoder.weight
        self.n_layers, self.n_hidden = n_layers, n_hidden

    def init_hidden(self, batchsize):
        w = next(self.parameters())
        return (w.new_zeros(self.n_layers, batchsize, self.n_hidden), w.new_zeros(self.n_layers, batchsize, self.n_hidden))

    def forward(self, data, hidden, lang):
        emb = self.encoder(data) + self.lang_emb(lang)
        out, hidden = self.rnn(emb, hidden)
        return self.decoder(self.proj(out)).view(-1, self.decoder.out_features), hidden


parser = argparse.ArgumentParser()
parser.add_argument('--lr', type=float, default=1e-4, help='The learning rate for the Adam optimiser.')
parser.add_argument('--wdecay', type=float, default=1.2e-6, help='Weight decay applied to all weights')
parser.add_argument('--bptt', type=int, default=125)
parser.add_argument('--epochs', type=int, default=8)
parser.add_argument('--prior', default='ninf')
parser.add_argument('--refine', action='store_true')
args = parser.parse_args()


def main():
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_loader, refine_sets, n_token, n_langs = make_loaders(args)
    model = RNN(n_token, n_langs).to(device)
    loss_function = nn.CrossEntropyLoss()
    optimizer = Adam(model.parameters(), lr=args.lr, weight_decay=args.wdecay)  # expect: WD202, WD203

    for epoch in range(args.epochs):
        train(train_loader, model, optimizer, loss_function, args.bptt, device=device)

    if args.refine and args.prior == 'ninf':
        prior = GaussianPrior()
        for lang, loader in refine_sets.items():
            refine(loader, model, optimizer, loss_function, prior, args.bptt, device=device)


if __name__ == '__main__':
    main()
