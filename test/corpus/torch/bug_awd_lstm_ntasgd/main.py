# Idiom seen in: a-martyn/awd-lstm main.py
# What it reproduces: AWD-LSTM with NT-ASGD at the paper's lr=30, but weight_decay=0.05 (an AdamW-style value
# carried over instead of 1.2e-6): plain SGD gives lr*wd = 1.5 >= 1, so decay alone flips the weights' sign every
# step; the optimizer also gets every parameter (LSTM and decoder biases) as one decayed group.
import time

import torch as th
import torch.nn as nn

import net
from data_loader import Dictionary, tokenise, batch, get_batch
from utils import epoch_metrics, NT_ASGD

device = th.device('cuda:0' if th.cuda.is_available() else 'cpu')
path = './data/penn/'
batch_size = 20
emsize = 400
nhid = 1150

dictionary = Dictionary()
train_data, dictionary = tokenise(path + 'train.txt', dictionary)
val_data, dictionary = tokenise(path + 'valid.txt', dictionary)
train_data = batch(train_data, batch_size).to(device)
val_data = batch(val_data, batch_size).to(device)
ntokens = len(dictionary)

epochs = 500
lr = 30
timesteps = 70
clip = 0.25
weight_decay = 0.05  # expect: WD301
non_monotone = 5


def train(model, data, criterion, optimizer, clip):
    model.train()
    hidden = model.init_hidden(batch_size)
    for i in range(0, data.size(0) - 1, timesteps):
        inputs, targets = get_batch(data, i, timesteps)
        hidden = [(h.detach(), c.detach()) for h, c in hidden]
        optimizer.zero_grad()
        output, hidden = model(inputs, hidden)
        loss = criterion(output.view(-1, ntokens), targets)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()


def evaluate(model, data, criterion):
    model.eval()
    total, hidden = 0., model.init_hidden(batch_size)
    with th.no_grad():
        for i in range(0, data.size(0) - 1, timesteps):
            inputs, targets = get_batch(data, i, timesteps)
            output, hidden = model(inputs, hidden)
            total += len(inputs) * criterion(output.view(-1, ntokens), targets).item()
    return total / len(data)


model = net.AWD_LSTM(ntokens, emsize, nhid, device=device).to(device)
criterion = nn.CrossEntropyLoss()
params = list(model.parameters()) + list(criterion.parameters())
nt_asgd = NT_ASGD(lr, weight_decay, non_monotone)

val_loss = 100000000000000000000
for epoch in range(1, epochs + 1):
    epoch_start_time = time.time()
    optimizer = nt_asgd.get_optimizer(val_loss, params)  # expect: WD203
    train(model, train_data, criterion, optimizer, clip)
    val_loss = evaluate(model, val_data, criterion)
    print(epoch_metrics(epoch, epoch_start_time, val_loss))
