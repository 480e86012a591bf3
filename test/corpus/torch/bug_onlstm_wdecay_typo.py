# Idiom seen in: yikangshen/Ordered-Neurons main.py
# What it reproduces: a realistic typo in the AWD/ON-LSTM language-model script: --wdecay's default is written
#   1.2e6 instead of 1.2e-6. With plain SGD at lr=30, lr*wd is about 3.6e7, so the decay alone flips and blows
#   up the weights every step (WD301, at the value). The single group also decays the LSTM/decoder biases
#   (WD203). The alpha/beta terms (AR/TAR) square RNN activations, not weights, and are no weight decay.
import argparse
import math
import time

import numpy as np
import torch
import torch.nn as nn

import data
from splitcross import SplitCrossEntropyLoss
from utils import batchify, get_batch, repackage_hidden

parser = argparse.ArgumentParser(description='PyTorch PennTreeBank RNN/LSTM Language Model')
parser.add_argument('--data', type=str, default='data/penn/', help='location of the data corpus')
parser.add_argument('--emsize', type=int, default=400, help='size of word embeddings')
parser.add_argument('--nhid', type=int, default=1150, help='number of hidden units per layer')
parser.add_argument('--nlayers', type=int, default=3, help='number of layers')
parser.add_argument('--lr', type=float, default=30, help='initial learning rate')
parser.add_argument('--clip', type=float, default=0.25, help='gradient clipping')
parser.add_argument('--epochs', type=int, default=1000, help='upper epoch limit')
parser.add_argument('--batch_size', type=int, default=20, metavar='N', help='batch size')
parser.add_argument('--bptt', type=int, default=70, help='sequence length')
parser.add_argument('--dropout', type=float, default=0.45, help='dropout applied to layers')
parser.add_argument('--alpha', type=float, default=2, help='alpha L2 regularization on RNN activation')
parser.add_argument('--beta', type=float, default=1, help='beta slowness regularization applied on RNN activation')
parser.add_argument('--wdecay', type=float, default=1.2e6,  # expect: WD301
                    help='weight decay applied to all weights')
parser.add_argument('--seed', type=int, default=1111, help='random seed')
parser.add_argument('--log-interval', type=int, default=200, metavar='N', help='report interval')
args = parser.parse_args()

np.random.seed(args.seed)
torch.manual_seed(args.seed)


class RNNModel(nn.Module):
    def __init__(self, ntoken, ninp, nhid, nlayers, dropout=0.5):
        super(RNNModel, self).__init__()
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnns = nn.ModuleList([nn.LSTM(ninp if l == 0 else nhid, nhid if l != nlayers - 1 else ninp, 1)
                                   for l in range(nlayers)])
        self.decoder = nn.Linear(ninp, ntoken)
        self.decoder.weight = self.encoder.weight
        self.drop = nn.Dropout(dropout)

    def forward(self, input, hidden):
        output = self.drop(self.encoder(input))
        new_hidden, raw_outputs, outputs = [], [], []
        for l, rnn in enumerate(self.rnns):
            output, new_h = rnn(output, hidden[l])
            new_hidden.append(new_h)
            raw_outputs.append(output)
            output = self.drop(output)
            outputs.append(output)
        return output, new_hidden, raw_outputs, outputs

    def init_hidden(self, bsz):
        return [(torch.zeros(1, bsz, r.hidden_size), torch.zeros(1, bsz, r.hidden_size)) for r in self.rnns]


corpus = data.Corpus(args.data)
train_data = batchify(corpus.train, args.batch_size, args)
ntokens = len(corpus.dictionary)
model = RNNModel(ntokens, args.emsize, args.nhid, args.nlayers, args.dropout)
criterion = SplitCrossEntropyLoss(args.emsize, splits=[], verbose=False)
params = list(model.parameters()) + list(criterion.parameters())


def train(epoch):
    model.train()
    total_loss, start_time = 0, time.time()
    hidden = model.init_hidden(args.batch_size)
    batch, i = 0, 0
    while i < train_data.size(0) - 1 - 1:
        bptt = args.bptt if np.random.random() < 0.95 else args.bptt / 2.
        seq_len = max(5, int(np.random.normal(bptt, 5)))
        lr2 = optimizer.param_groups[0]['lr']
        optimizer.param_groups[0]['lr'] = lr2 * seq_len / args.bptt
        data, targets = get_batch(train_data, i, args, seq_len=seq_len)
        hidden = repackage_hidden(hidden)
        optimizer.zero_grad()

        output, hidden, rnn_hs, dropped_rnn_hs = model(data, hidden)
        raw_loss = criterion(model.decoder.weight, model.decoder.bias, output, targets)
        loss = raw_loss
        if args.alpha:
            loss = loss + sum(args.alpha * dropped_rnn_h.pow(2).mean() for dropped_rnn_h in dropped_rnn_hs[-1:])
        if args.beta:
            loss = loss + sum(args.beta * (rnn_h[1:] - rnn_h[:-1]).pow(2).mean() for rnn_h in rnn_hs[-1:])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, args.clip)
        optimizer.step()

        total_loss += raw_loss.item()
        optimizer.param_groups[0]['lr'] = lr2
        if batch % args.log_interval == 0 and batch > 0:
            cur_loss = total_loss / args.log_interval
            print('| epoch {:3d} | lr {:05.5f} | loss {:5.2f} | ppl {:8.2f} | {:5.1f}s'.format(
                epoch, optimizer.param_groups[0]['lr'], cur_loss, math.exp(cur_loss), time.time() - start_time))
            total_loss, start_time = 0, time.time()
        batch += 1
        i += seq_len


optimizer = torch.optim.SGD(params, lr=args.lr, weight_decay=args.wdecay)  # expect: WD203
for epoch in range(1, args.epochs + 1):
    train(epoch)
