# Idiom seen in: songlab-cal/tape tape/models/modeling_bert.py
# Idiom seen in: songlab-cal/tape tape/utils/setup_utils.py
# What it reproduces: a protein transformer in TAPE's BERT naming: every norm is an attribute called
#   LayerNorm, so setup_optimizer()'s name filter keeps them (and all biases) out of the decay.
import torch
import torch.nn as nn


class ProteinBertEmbeddings(nn.Module):
    def __init__(self, vocab_size=30, hidden_size=768, max_position_embeddings=8192, dropout=0.1):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, hidden_size, padding_idx=0)
        self.position_embeddings = nn.Embedding(max_position_embeddings, hidden_size)
        self.LayerNorm = nn.LayerNorm(hidden_size, eps=1e-12)
        self.dropout = nn.Dropout(dropout)

    def forward(self, input_ids):
        positions = torch.arange(input_ids.size(1), device=input_ids.device).unsqueeze(0)
        return self.dropout(self.LayerNorm(self.word_embeddings(input_ids) + self.position_embeddings(positions)))


class ProteinBertLayer(nn.Module):
    def __init__(self, hidden_size=768, num_heads=12, intermediate_size=3072, dropout=0.1):
        super().__init__()
        self.attention = nn.MultiheadAttention(hidden_size, num_heads, dropout=dropout, batch_first=True)
        self.attention_LayerNorm = nn.LayerNorm(hidden_size, eps=1e-12)
        self.intermediate = nn.Linear(hidden_size, intermediate_size)
        self.output = nn.Linear(intermediate_size, hidden_size)
        self.output_LayerNorm = nn.LayerNorm(hidden_size, eps=1e-12)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, key_padding_mask):
        a = self.attention(x, x, x, key_padding_mask=key_padding_mask, need_weights=False)[0]
        x = self.attention_LayerNorm(x + self.dropout(a))
        h = self.output(torch.nn.functional.gelu(self.intermediate(x)))
        return self.output_LayerNorm(x + self.dropout(h))


class ProteinBertForValuePrediction(nn.Module):
    def __init__(self, num_layers=12, hidden_size=768):
        super().__init__()
        self.embeddings = ProteinBertEmbeddings(hidden_size=hidden_size)
        self.layers = nn.ModuleList([ProteinBertLayer(hidden_size) for _ in range(num_layers)])
        self.predict = nn.Sequential(nn.Linear(hidden_size, 512), nn.ReLU(), nn.Linear(512, 1))

    def forward(self, input_ids, input_mask, targets=None):
        x = self.embeddings(input_ids)
        for layer in self.layers:
            x = layer(x, key_padding_mask=(input_mask == 0))
        pooled = (x * input_mask.unsqueeze(-1)).sum(1) / input_mask.sum(1, keepdim=True)
        value = self.predict(pooled)
        outputs = (value,)
        if targets is not None:
            outputs = (torch.nn.functional.mse_loss(value, targets),) + outputs
        return outputs
