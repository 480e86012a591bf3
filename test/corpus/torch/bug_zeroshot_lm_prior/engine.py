# Idiom seen in: antolu/zero-shot-language-modeling engine.py
# What it reproduces: refine() adds importance * prior.penalty(model) (a sum of squares of all
#   parameters) to the LM loss, while the optimizer it is handed already has weight_decay: the
#   same weights are decayed twice during refinement. As in the real repository.
import math

import torch


def train(dataloader, model, optimizer, loss_function, bptt, device='cpu'):
    model.train()
    for data, targets, seq_len, lang in dataloader:
        data, targets = data.squeeze(0).to(device), targets.squeeze(0).to(device)
        hidden = model.init_hidden(batchsize=data.size(-1))
        optimizer.zero_grad()
        output, hidden = model(data, hidden, lang.to(device))
        loss = loss_function(output, targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.25)
        optimizer.step()


def refine(dataloader, model, optimizer, loss_function, prior, bptt, importance=100000, device='cpu'):
    model.train()
    for data, targets, seq_len, lang in dataloader:
        data, targets = data.squeeze(0).to(device), targets.squeeze(0).to(device)
        lr2 = optimizer.param_groups[0]['lr']
        optimizer.param_groups[0]['lr'] = lr2 * seq_len.item() / bptt
        hidden = model.init_hidden(batchsize=data.size(-1))
        optimizer.zero_grad()

        output, hidden = model(data, hidden, lang.to(device))
        loss = loss_function(output, targets)

        penalty = importance * prior.penalty(model)  # expect: WD201
        loss += penalty

        loss.backward()
        optimizer.step()
        optimizer.param_groups[0]['lr'] = lr2
        print('Loss {:5.2f} | bpc {:9.3f} | penalty {}'.format(loss.item(), loss.item() / math.log(2), penalty.item()))
