# Idiom seen in: BelhalK/baiduresearch Code/e)SAGD/awd-lstm-lm/main.py
# What it reproduces: the AWD-LSTM script, plain SGD with lr=30 and weight_decay=args.wdecay on
# list(model.parameters()); --wdecay was set to an AdamW-style 0.1 (the original is 1.2e-6), so
# lr*wd = 3 and the decay alone flips and grows the weights; biases/embeddings are decayed too.
import argparse
import math

import torch
import torch.nn as nn

import data
import model
from utils import batchify, get_batch, repackage_hidden

parser = argparse.ArgumentParser(description='PyTorch PennTreeBank RNN/LSTM Language Model')
parser.add_argument('--data', type=str, default='data/penn/')
parser.add_argument('--emsize', type=int, default=400)
parser.add_argument('--nhid', type=int, default=1150)
parser.add_argument('--nlayers', type=int, default=3)
parser.add_argument('--lr', type=float, default=30)
parser.add_argument('--clip', type=float, default=0.25)
parser.add_argument('--epochs', type=int, default=8000)
parser.add_argument('--batch_size', type=int, default=80)
parser.add_argument('--bptt', type=int, default=70)
parser.add_argument('--wdecay', type=float, default=0.1, help='weight decay applied to all weights')  # expect: WD301
args = parser.parse_args()

corpus = data.Corpus(args.data)
train_data = batchify(corpus.train, args.batch_size, args)
ntokens = len(corpus.dictionary)
model = model.RNNModel(ntokens, args.emsize, args.nhid, args.nlayers)
criterion = nn.CrossEntropyLoss()

params = list(model.parameters()) + list(criterion.parameters())
optimizer = torch.optim.SGD(params, lr=args.lr, weight_decay=args.wdecay)  # expect: WD203


def train():
    model.train()
    hidden = [None] * args.nlayers
    for batch, i in enumerate(range(0, train_data.size(0) - 1, args.bptt)):
        inputs, targets = get_batch(train_data, i, args, seq_len=args.bptt)
        hidden = repackage_hidden(hidden)
        optimizer.zero_grad()
        output, hidden = model(inputs, hidden)
        loss = criterion(output.view(-1, ntokens), targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, args.clip)
        optimizer.step()
        if batch % 200 == 0:
            print('| batch {} | loss {:5.2f} | ppl {:8.2f}'.format(batch, loss.item(), math.exp(loss.item())))


for epoch in range(1, args.epochs + 1):
    train()
