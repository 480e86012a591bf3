# Idiom seen in: matt-hans/transformer-builder-colab-templates utils/tier3_training_utilities.py
# Idiom seen in: matt-hans/transformer-builder-colab-templates .tasks/tasks/T056-implement-weight-decay-exclusion.md
# What it reproduces: the Colab template's fine-tuning test builds AdamW(model.parameters(), lr=5e-5,
#   weight_decay=0.01) (the state its own task T056 describes), so biases and LayerNorm weights are decayed.
from types import SimpleNamespace

import torch
import torch.nn as nn

from tier3_training_utilities import test_fine_tuning


class TinyDecoder(nn.Module):
    def __init__(self, vocab_size=5000, d_model=256, n_heads=4, n_layers=4, max_seq_len=128):
        super().__init__()
        self.tok_emb = nn.Embedding(vocab_size, d_model)
        self.pos_emb = nn.Embedding(max_seq_len, d_model)
        layer = nn.TransformerEncoderLayer(d_model, n_heads, dim_feedforward=4 * d_model,
                                           batch_first=True, norm_first=True)
        self.blocks = nn.TransformerEncoder(layer, n_layers)
        self.norm = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size)

    def forward(self, input_ids):
        t = input_ids.size(1)
        pos = torch.arange(t, device=input_ids.device)
        mask = nn.Transformer.generate_square_subsequent_mask(t).to(input_ids.device)
        h = self.blocks(self.tok_emb(input_ids) + self.pos_emb(pos), mask=mask)
        return self.lm_head(self.norm(h))


if __name__ == '__main__':
    config = SimpleNamespace(vocab_size=5000, max_seq_len=128)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    model = TinyDecoder(config.vocab_size, max_seq_len=config.max_seq_len).to(device)
    results = test_fine_tuning(model, config, n_epochs=3)
    print(results[-1])
