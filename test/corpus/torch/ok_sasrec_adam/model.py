# Idiom seen in: arunmm8335/matrix-factorization-pytorch src/sasrec/model.py
# What it reproduces: a compact SASRec (item + position embeddings, nn.TransformerEncoder, output head).
import torch
import torch.nn as nn


class SASRec(nn.Module):
    def __init__(self, n_items, max_len=50, d_model=64, n_head=4, n_layer=2):
        super().__init__()
        self.item_emb = nn.Embedding(n_items + 1, d_model, padding_idx=0)
        self.pos_emb = nn.Embedding(max_len, d_model)
        encoder_layer = nn.TransformerEncoderLayer(d_model=d_model, nhead=n_head, batch_first=True)
        self.transformer = nn.TransformerEncoder(encoder_layer, num_layers=n_layer)
        self.out = nn.Linear(d_model, n_items + 1)

    def forward(self, item_seq):
        positions = torch.arange(item_seq.size(1), device=item_seq.device).unsqueeze(0)
        feature = self.transformer(self.item_emb(item_seq) + self.pos_emb(positions))
        return self.out(feature[:, -1, :])
