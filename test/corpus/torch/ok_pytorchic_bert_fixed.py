# Idiom seen in: dhlee347/pytorchic-bert optim.py
# Idiom seen in: dhlee347/pytorchic-bert train.py
# What it reproduces: the BERT fine-tuning no-decay split done with `any(nd in n for nd in no_decay)` against the
#   model's own parameter names (bias, gamma, beta of its LayerNorm) and decoupled AdamW: only the weight matrices and
#   embeddings are decayed: clean.
import json
from typing import NamedTuple

import torch
import torch.nn as nn

import checkpoint
import tokenization


class Config(NamedTuple):
    lr: float = 2e-5
    n_epochs: int = 3
    weight_decay: float = 0.01
    save_dir: str = './exp/bert/mrpc'

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


class Transformer(nn.Module):
    def __init__(self, vocab_size, dim=768, n_layers=12, n_heads=12):
        super().__init__()
        self.tok_embed = nn.Embedding(vocab_size, dim)
        self.norm = LayerNorm(dim)
        self.layers = nn.TransformerEncoder(
            nn.TransformerEncoderLayer(dim, n_heads, dim * 4, batch_first=True), n_layers)

    def forward(self, x, mask):
        return self.layers(self.norm(self.tok_embed(x)), src_key_padding_mask=mask)


class Classifier(nn.Module):
    def __init__(self, vocab_size, n_labels, dim=768):
        super().__init__()
        self.transformer = Transformer(vocab_size, dim)
        self.fc = nn.Linear(dim, dim)
        self.classifier = nn.Linear(dim, n_labels)

    def forward(self, input_ids, input_mask):
        h = self.transformer(input_ids, input_mask == 0)
        return self.classifier(torch.tanh(self.fc(h[:, 0])))


def optim4GPU(cfg, model):
    param_optimizer = list(model.named_parameters())
    no_decay = ['bias', 'gamma', 'beta', 'norm1.weight', 'norm2.weight']
    optimizer_grouped_parameters = [
        {'params': [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)],
         'weight_decay': cfg.weight_decay},
        {'params': [p for n, p in param_optimizer if any(nd in n for nd in no_decay)],
         'weight_decay': 0.0}]
    return torch.optim.AdamW(optimizer_grouped_parameters, lr=cfg.lr)


def main(train_cfg='config/train_mrpc.json', vocab='../uncased_L-12_H-768_A-12/vocab.txt'):
    cfg = Config.from_json(train_cfg)
    tokenizer = tokenization.FullTokenizer(vocab_file=vocab, do_lower_case=True)
    data_iter = tokenization.make_iterator('../glue/MRPC/train.tsv', tokenizer, batch_size=32)
    model = Classifier(len(tokenizer.vocab), n_labels=2)
    checkpoint.load_model(model.transformer, '../uncased_L-12_H-768_A-12/bert_model.ckpt')
    optimizer = optim4GPU(cfg, model)
    criterion = nn.CrossEntropyLoss()
    model.train()
    for e in range(cfg.n_epochs):
        for input_ids, input_mask, label_id in data_iter:
            optimizer.zero_grad()
            loss = criterion(model(input_ids, input_mask), label_id)
            loss.backward()
            optimizer.step()
        torch.save(model.state_dict(), cfg.save_dir + '/model_steps_%d.pt' % e)


if __name__ == '__main__':
    main()
