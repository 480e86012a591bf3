# Idiom seen in: salesforce/awd-lstm-lm main.py
# What it reproduces: AWD-LSTM's SGD/ASGD/Adam setup (optimizer over model + criterion params, lr=30). A user
#   copied "weight decay 0.1" from an AdamW recipe into --wdecay (the repo's default is 1.2e-6): with plain SGD
#   lr*wd = 30*0.1 = 3 >= 1 (WD301); all optimizers decay LSTM/decoder biases (WD203); the Adam branch is coupled L2 (WD202).
import argparse
import time
import math

import numpy as np
import torch
import torch.nn as nn

import data
from utils import batchify, get_batch, repackage_hidden
from splitcross import SplitCrossEntropyLoss


class RNNModel(nn.Module):
    def __init__(self, ntoken, ninp, nhid, nlayers, dropout=0.4):
        super(RNNModel, self).__init__()
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnns = nn.ModuleList(
            [nn.LSTM(ninp if l == 0 else nhid, nhid if l != nlayers - 1 else ninp, 1) for l in range(nlayers)])
        self.decoder = nn.Linear(ninp, ntoken)
        self.decoder.weight = self.encoder.weight
        self.drop = nn.Dropout(dropout)

    def forward(self, input, hidden, return_h=False):
        raw_output = self.drop(self.encoder(input))
        new_hidden, raw_outputs, outputs = [], [], []
        for l, rnn in enumerate(self.rnns):
            raw_output, new_h = rnn(raw_output, hidden[l])
            new_hidden.append(new_h)
            raw_outputs.append(raw_output)
            raw_output = self.drop(raw_output)
            outputs.append(raw_output)
        if return_h:
            return raw_output, new_hidden, raw_outputs, outputs
        return raw_output, new_hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        return [(weight.new_zeros(1, bsz, rnn.hidden_size), weight.new_zeros(1, bsz, rnn.hidden_size))
                for rnn in self.rnns]


parser = argparse.ArgumentParser(description='PyTorch PennTreeBank RNN/LSTM Language Model')
parser.add_argument('--data', type=str, default='data/penn/', help='location of the data corpus')
parser.add_argument('--emsize', type=int, default=400, help='size of word embeddings')
parser.add_argument('--nhid', type=int, default=1150, help='number of hidden units per layer')
parser.add_argument('--nlayers', type=int, default=3, help='number of layers')
parser.add_argument('--lr', type=float, default=30, help='initial learning rate')
parser.add_argument('--clip', type=float, default=0.25, help='gradient clipping')
parser.add_argument('--epochs', type=int, default=8000, help='upper epoch limit')
parser.add_argument('--batch_size', type=int, default=80, metavar='N', help='batch size')
parser.add_argument('--bptt', type=int, default=70, help='sequence length')
parser.add_argument('--dropout', type=float, default=0.4, help='dropout applied to layers (0 = no dropout)')
parser.add_argument('--alpha', type=float, default=2, help='alpha L2 regularization on RNN activation (alpha = 0 means no regularization)')
parser.add_argument('--beta', type=float, default=1, help='beta slowness regularization applied on RNN activiation (beta = 0 means no regularization)')
parser.add_argument('--wdecay', type=float, default=0.1, help='weight decay applied to all weights')  # expect: WD301
parser.add_argument('--nonmono', type=int, default=5, help='random seed')
parser.add_argument('--optimizer', type=str, default='sgd', help='optimizer to use (sgd, adam)')
parser.add_argument('--save', type=str, default='model.pt', help='path to save the final model')
args = parser.parse_args()

corpus = data.Corpus(args.data)
train_data = batchify(corpus.train, args.batch_size, args)
val_data = batchify(corpus.valid, 10, args)

ntokens = len(corpus.dictionary)
model = RNNModel(ntokens, args.emsize, args.nhid, args.nlayers, args.dropout).cuda()
criterion = SplitCrossEntropyLoss(args.emsize, splits=[], verbose=False).cuda()
params = list(model.parameters()) + list(criterion.parameters())


def train():
    hidden = model.init_hidden(args.batch_size)
    i = 0
    while i < train_data.size(0) - 1 - 1:
        bptt = args.bptt if np.random.random() < 0.95 else args.bptt / 2.
        seq_len = max(5, int(np.random.normal(bptt, 5)))
        lr2 = optimizer.param_groups[0]['lr']
        optimizer.param_groups[0]['lr'] = lr2 * seq_len / args.bptt
        model.train()
        data_, targets = get_batch(train_data, i, args, seq_len=seq_len)
        hidden = repackage_hidden(hidden)
        optimizer.zero_grad()

        output, hidden, rnn_hs, dropped_rnn_hs = model(data_, hidden, return_h=True)
        raw_loss = criterion(model.decoder.weight, model.decoder.bias, output, targets)
        loss = raw_loss
        # Activiation Regularization
        if args.alpha: loss = loss + sum(args.alpha * dropped_rnn_h.pow(2).mean() for dropped_rnn_h in dropped_rnn_hs[-1:])
        # Temporal Activation Regularization (slowness)
        if args.beta: loss = loss + sum(args.beta * (rnn_h[1:] - rnn_h[:-1]).pow(2).mean() for rnn_h in rnn_hs[-1:])
        loss.backward()

        if args.clip: torch.nn.utils.clip_grad_norm_(params, args.clip)
        optimizer.step()
        optimizer.param_groups[0]['lr'] = lr2
        i += seq_len


def evaluate(data_source, batch_size=10):
    model.eval()
    total_loss = 0
    hidden = model.init_hidden(batch_size)
    for i in range(0, data_source.size(0) - 1, args.bptt):
        data_, targets = get_batch(data_source, i, args)
        output, hidden = model(data_, hidden)
        total_loss += len(data_) * criterion(model.decoder.weight, model.decoder.bias, output, targets).data
        hidden = repackage_hidden(hidden)
    return total_loss.item() / len(data_source)


optimizer = None
if args.optimizer == 'sgd':
    optimizer = torch.optim.SGD(params, lr=args.lr, weight_decay=args.wdecay)  # expect: WD203
if args.optimizer == 'adam':
    optimizer = torch.optim.Adam(params, lr=args.lr, weight_decay=args.wdecay)  # expect: WD202, WD203

best_val_loss = []
stored_loss = 100000000
for epoch in range(1, args.epochs + 1):
    epoch_start_time = time.time()
    train()
    val_loss = evaluate(val_data)
    print('| end of epoch {:3d} | time: {:5.2f}s | valid ppl {:8.2f}'.format(
        epoch, (time.time() - epoch_start_time), math.exp(val_loss)))
    if val_loss < stored_loss:
        torch.save([model, criterion, optimizer], args.save)
        stored_loss = val_loss
    if args.optimizer == 'sgd' and 't0' not in optimizer.param_groups[0] and (len(best_val_loss) > args.nonmono and val_loss > min(best_val_loss[:-args.nonmono])):
        print('Switching to ASGD')
        optimizer = torch.optim.ASGD(model.parameters(), lr=args.lr, t0=0, lambd=0., weight_decay=args.wdecay)  # expect: WD203
    best_val_loss.append(val_loss)
