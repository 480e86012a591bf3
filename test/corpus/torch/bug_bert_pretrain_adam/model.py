# Idiom seen in: codertimo/BERT-pytorch bert_pytorch/trainer/pretrain.py
# Idiom seen in: codertimo/BERT-pytorch bert_pytorch/__main__.py
# What it reproduces: BERTTrainer builds Adam(model.parameters(), weight_decay=0.01) from --adam_weight_decay;
#   the real repo shipped this coupled L2 on all params incl. LayerNorm/bias before switching to AdamW.
import math

import torch
import torch.nn as nn


class TransformerBlock(nn.Module):
    def __init__(self, hidden, attn_heads, feed_forward_hidden, dropout):
        super().__init__()
        self.attention = nn.MultiheadAttention(hidden, attn_heads, dropout=dropout, batch_first=True)
        self.input_norm = nn.LayerNorm(hidden)
        self.output_norm = nn.LayerNorm(hidden)
        self.feed_forward = nn.Sequential(
            nn.Linear(hidden, feed_forward_hidden), nn.GELU(),
            nn.Linear(feed_forward_hidden, hidden))
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask):
        h = self.input_norm(x)
        x = x + self.dropout(self.attention(h, h, h, key_padding_mask=mask)[0])
        return x + self.dropout(self.feed_forward(self.output_norm(x)))


class BERT(nn.Module):
    def __init__(self, vocab_size, hidden=768, n_layers=12, attn_heads=12, dropout=0.1):
        super().__init__()
        self.hidden = hidden
        self.token = nn.Embedding(vocab_size, hidden, padding_idx=0)
        self.segment = nn.Embedding(3, hidden, padding_idx=0)
        self.position = nn.Embedding(512, hidden)
        self.transformer_blocks = nn.ModuleList(
            [TransformerBlock(hidden, attn_heads, hidden * 4, dropout) for _ in range(n_layers)])

    def forward(self, x, segment_info):
        mask = x == 0
        pos = torch.arange(x.size(1), device=x.device).unsqueeze(0)
        x = self.token(x) + self.segment(segment_info) + self.position(pos)
        for transformer in self.transformer_blocks:
            x = transformer(x, mask)
        return x


class BERTLM(nn.Module):
    def __init__(self, bert, vocab_size):
        super().__init__()
        self.bert = bert
        self.next_sentence = nn.Linear(bert.hidden, 2)
        self.mask_lm = nn.Linear(bert.hidden, vocab_size)
        self.softmax = nn.LogSoftmax(dim=-1)

    def forward(self, x, segment_label):
        x = self.bert(x, segment_label)
        return self.softmax(self.next_sentence(x[:, 0])), self.softmax(self.mask_lm(x))
