# Idiom seen in: hyunwoongko/transformer train.py
# Idiom seen in: hyunwoongko/transformer conf.py
# What it reproduces: weight_decay = 5e-4 in conf.py reaches train.py through `from data import *` (which does
#   `from conf import *`); Adam(model.parameters(), weight_decay=weight_decay) is coupled L2 on every weight,
#   LayerNorm gamma/beta and biases included (real repo).
import math
import time

from torch import nn, optim
from torch.optim import Adam

from data import *
from models.layers import Transformer


def initialize_weights(m):
    if hasattr(m, 'weight') and m.weight.dim() > 1:
        nn.init.kaiming_uniform_(m.weight.data)


model = Transformer(src_pad_idx=src_pad_idx, enc_voc_size=enc_voc_size, dec_voc_size=dec_voc_size,
                    d_model=d_model, n_head=n_heads, max_len=max_len, ffn_hidden=ffn_hidden,
                    n_layers=n_layers, drop_prob=drop_prob, device=device).to(device)
model.apply(initialize_weights)
optimizer = Adam(params=model.parameters(), lr=init_lr, weight_decay=weight_decay, eps=adam_eps)  # expect: WD202, WD203

scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=factor, patience=patience)
criterion = nn.CrossEntropyLoss(ignore_index=src_pad_idx)


def train(model, iterator, optimizer, criterion, clip):
    model.train()
    epoch_loss = 0
    for i, batch in enumerate(iterator):
        src, trg = batch.src, batch.trg
        optimizer.zero_grad()
        output = model(src)
        loss = criterion(output.contiguous().view(-1, output.shape[-1]), trg.contiguous().view(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        epoch_loss += loss.item()
    return epoch_loss / len(iterator)


def run(total_epoch, best_loss):
    for step in range(total_epoch):
        start_time = time.time()
        train_loss = train(model, train_iter, optimizer, criterion, clip)
        if step > warmup:
            scheduler.step(train_loss)
        if train_loss < best_loss:
            best_loss = train_loss
            torch.save(model.state_dict(), 'saved/model-{0}.pt'.format(train_loss))
        print(f'Epoch: {step + 1} | {time.time() - start_time:.1f}s | PPL: {math.exp(train_loss):7.3f}')


if __name__ == '__main__':
    run(total_epoch=epoch, best_loss=inf)
