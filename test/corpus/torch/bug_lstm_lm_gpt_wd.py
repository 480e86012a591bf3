# Idiom seen in: LOG-postech/Sassha language_tasks/modeling/config/train_gpt2_small_adam.py
# Idiom seen in: LOG-postech/Sassha optimizers/__init__.py
# What it reproduces: realistic user mistake: the GPT-2 configs' weight_decay = 1e-1 (meant for AdamW,
#   decoupled) copied into a word-level LSTM LM trained with plain SGD at lr=20: lr*wd = 2, decay flips the weights.
import argparse
import math
import time

import torch
import torch.nn as nn

import data

# config values taken over from the GPT-2 runs
learning_rate = 20.0
weight_decay = 1e-1  # expect: WD301
grad_clip = 0.25

parser = argparse.ArgumentParser(description='PyTorch word-level LSTM language model')
parser.add_argument('--data', type=str, default='./data/wikitext-2')
parser.add_argument('--emsize', type=int, default=650)
parser.add_argument('--nhid', type=int, default=650)
parser.add_argument('--nlayers', type=int, default=2)
parser.add_argument('--epochs', type=int, default=40)
parser.add_argument('--batch_size', type=int, default=20)
parser.add_argument('--bptt', type=int, default=35)
parser.add_argument('--dropout', type=float, default=0.5)
args = parser.parse_args()


class RNNModel(nn.Module):
    def __init__(self, ntoken, ninp, nhid, nlayers, dropout=0.5):
        super(RNNModel, self).__init__()
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = nn.LSTM(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        return self.decoder(self.drop(output)), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        return (weight.new_zeros(args.nlayers, bsz, args.nhid),
                weight.new_zeros(args.nlayers, bsz, args.nhid))


device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
corpus = data.Corpus(args.data)
train_data = data.batchify(corpus.train, args.batch_size, device)
ntokens = len(corpus.dictionary)
model = RNNModel(ntokens, args.emsize, args.nhid, args.nlayers, args.dropout).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=weight_decay)  # expect: WD203


def repackage_hidden(h):
    if isinstance(h, torch.Tensor):
        return h.detach()
    return tuple(repackage_hidden(v) for v in h)


for epoch in range(1, args.epochs + 1):
    model.train()
    start = time.time()
    total_loss = 0.
    hidden = model.init_hidden(args.batch_size)
    for batch, i in enumerate(range(0, train_data.size(0) - 1, args.bptt)):
        inputs, targets = data.get_batch(train_data, i, args.bptt)
        hidden = repackage_hidden(hidden)
        optimizer.zero_grad()
        output, hidden = model(inputs, hidden)
        loss = criterion(output.view(-1, ntokens), targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
        optimizer.step()
        total_loss += loss.item()
    cur_loss = total_loss / (batch + 1)
    print('epoch {:3d} | {:5.2f}s | loss {:5.2f} | ppl {:8.2f}'.format(
        epoch, time.time() - start, cur_loss, math.exp(cur_loss)))
