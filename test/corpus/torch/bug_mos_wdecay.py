# Idiom seen in: zihangdai/mos main.py
# What it reproduces: the MoS/AWD-LSTM language-model script trains with plain SGD at lr=20 and
# weight_decay=args.wdecay. A user switching from an AdamW setup kept wdecay=0.12 (instead of 1.2e-6):
# lr*wd = 2.4 >= 1, so decay alone flips and grows the weights each step (WD301); the single group also
# decays the LSTM and decoder biases (WD203).
import argparse
import math
import time

import numpy as np
import torch
import torch.nn as nn

import data
import model as model_module
from utils import batchify, get_batch, repackage_hidden

parser = argparse.ArgumentParser(description='PyTorch PennTreeBank/WikiText2 Language Model')
parser.add_argument('--data', type=str, default='./penn/')
parser.add_argument('--emsize', type=int, default=280)
parser.add_argument('--nhid', type=int, default=960)
parser.add_argument('--nhidlast', type=int, default=620)
parser.add_argument('--nlayers', type=int, default=3)
parser.add_argument('--n_experts', type=int, default=15)
parser.add_argument('--lr', type=float, default=20)
parser.add_argument('--clip', type=float, default=0.25)
parser.add_argument('--epochs', type=int, default=1000)
parser.add_argument('--batch_size', type=int, default=12)
parser.add_argument('--bptt', type=int, default=70)
parser.add_argument('--dropout', type=float, default=0.4)
parser.add_argument('--seed', type=int, default=1111)
parser.add_argument('--wdecay', type=float, default=0.12,  # expect: WD301
                    help='weight decay applied to all weights')
parser.add_argument('--save', type=str, default='EXP')
args = parser.parse_args()

torch.manual_seed(args.seed)
corpus = data.Corpus(args.data)
train_data = batchify(corpus.train, args.batch_size, args)
val_data = batchify(corpus.valid, 10, args)

ntokens = len(corpus.dictionary)
model = model_module.RNNModel('LSTM', ntokens, args.emsize, args.nhid, args.nhidlast, args.nlayers,
                              args.dropout, n_experts=args.n_experts).cuda()
criterion = nn.NLLLoss()


def train(optimizer, epoch):
    model.train()
    total_loss = 0
    start_time = time.time()
    hidden = model.init_hidden(args.batch_size)
    batch, i = 0, 0
    while i < train_data.size(0) - 1 - 1:
        seq_len = args.bptt
        data_batch, targets = get_batch(train_data, i, args, seq_len=seq_len)
        hidden = repackage_hidden(hidden)
        optimizer.zero_grad()
        log_prob, hidden = model(data_batch, hidden)
        raw_loss = criterion(log_prob.view(-1, log_prob.size(2)), targets)
        raw_loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
        optimizer.step()
        total_loss += raw_loss.item()
        batch += 1
        i += seq_len
    return total_loss / max(batch, 1)


optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, weight_decay=args.wdecay)  # expect: WD203
for epoch in range(1, args.epochs + 1):
    epoch_start_time = time.time()
    train_loss = train(optimizer, epoch)
    print('| end of epoch {:3d} | time: {:5.2f}s | train ppl {:8.2f}'.format(
        epoch, (time.time() - epoch_start_time), math.exp(train_loss)))
