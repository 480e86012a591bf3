# Idiom seen in: dhlee347/pytorchic-bert optim.py
# Idiom seen in: dhlee347/pytorchic-bert models.py
# What it reproduces: optim4GPU's no-decay split tests `n not in no_decay` on full parameter names
#   ('blocks.0.norm1.gamma' is never equal to 'gamma'), so the decayed group holds every bias and LayerNorm
#   gamma/beta (the repo's real split bug, here with torch.optim.AdamW in place of the custom BertAdam).
import argparse
import json
from typing import NamedTuple

import torch
import torch.nn as nn

import tokenization
from utils import get_device, set_seeds


class Config(NamedTuple):
    lr: float = 5e-5
    n_epochs: int = 3
    batch_size: int = 32
    warmup: float = 0.1
    total_steps: int = 1000

    @classmethod
    def from_json(cls, file):
        return cls(**json.load(open(file, "r")))


class LayerNorm(nn.Module):
    def __init__(self, dim, variance_epsilon=1e-12):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(dim))
        self.beta = nn.Parameter(torch.zeros(dim))
        self.variance_epsilon = variance_epsilon

    def forward(self, x):
        u = x.mean(-1, keepdim=True)
        s = (x - u).pow(2).mean(-1, keepdim=True)
        return self.gamma * (x - u) / torch.sqrt(s + self.variance_epsilon) + self.beta


class Block(nn.Module):
    def __init__(self, dim, n_heads, dim_ff):
        super().__init__()
        self.attn = nn.MultiheadAttention(dim, n_heads, batch_first=True)
        self.proj = nn.Linear(dim, dim)
        self.norm1 = LayerNorm(dim)
        self.pwff = nn.Sequential(nn.Linear(dim, dim_ff), nn.GELU(), nn.Linear(dim_ff, dim))
        self.norm2 = LayerNorm(dim)

    def forward(self, x, mask):
        h = self.norm1(x + self.proj(self.attn(x, x, x, key_padding_mask=mask)[0]))
        return self.norm2(h + self.pwff(h))


class Classifier(nn.Module):
    def __init__(self, vocab_size, n_labels, dim=768, n_layers=12, n_heads=12):
        super().__init__()
        self.tok_embed = nn.Embedding(vocab_size, dim)
        self.blocks = nn.ModuleList([Block(dim, n_heads, dim * 4) for _ in range(n_layers)])
        self.fc = nn.Linear(dim, dim)
        self.classifier = nn.Linear(dim, n_labels)

    def forward(self, input_ids, input_mask):
        h = self.tok_embed(input_ids)
        for block in self.blocks:
            h = block(h, input_mask == 0)
        return self.classifier(torch.tanh(self.fc(h[:, 0])))


def optim4GPU(cfg, model):
    """ optimizer for GPU training """
    param_optimizer = list(model.named_parameters())
    no_decay = ['bias', 'gamma', 'beta']
    optimizer_grouped_parameters = [
        {'params': [p for n, p in param_optimizer if n not in no_decay], 'weight_decay': 0.01},  # expect: WD203
        {'params': [p for n, p in param_optimizer if n in no_decay], 'weight_decay': 0.0}]
    return torch.optim.AdamW(optimizer_grouped_parameters, lr=cfg.lr)


def main(train_cfg='config/train_mrpc.json', data_file='../glue/MRPC/train.tsv', vocab='../uncased_L-12_H-768_A-12/vocab.txt'):
    cfg = Config.from_json(train_cfg)
    set_seeds(42)
    tokenizer = tokenization.FullTokenizer(vocab_file=vocab, do_lower_case=True)
    data_iter = tokenization.make_iterator(data_file, tokenizer, cfg.batch_size)
    device = get_device()

    model = Classifier(len(tokenizer.vocab), n_labels=2).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim4GPU(cfg, model)
    model.train()
    for e in range(cfg.n_epochs):
        for input_ids, input_mask, label_id in data_iter:
            optimizer.zero_grad()
            logits = model(input_ids.to(device), input_mask.to(device))
            loss = criterion(logits, label_id.to(device))
            loss.backward()
            optimizer.step()
        print('Epoch %d : Loss %5.3f' % (e + 1, loss.item()))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--train_cfg', default='config/train_mrpc.json')
    args = parser.parse_args()
    main(train_cfg=args.train_cfg)
