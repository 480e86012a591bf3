# Idiom seen in: karpathy/nanoGPT model.py
# What it reproduces: `configure_optimizers(weight_decay, learning_rate, betas, device_type)` on the model: every
# parameter with dim >= 2 is decayed, biases and LayerNorm weights (dim < 2) get 'weight_decay': 0.0; AdamW (clean).
import inspect
import math

import numpy as np
import torch
import torch.nn as nn
from torch.nn import functional as F


class TinyLM(nn.Module):
    def __init__(self, vocab_size=65, block_size=128, n_embd=192, n_layer=4, n_head=6):
        super().__init__()
        self.block_size = block_size
        self.wte = nn.Embedding(vocab_size, n_embd)
        self.wpe = nn.Embedding(block_size, n_embd)
        layer = nn.TransformerEncoderLayer(n_embd, n_head, 4 * n_embd, dropout=0.0, batch_first=True, norm_first=True)
        self.h = nn.TransformerEncoder(layer, n_layer)
        self.ln_f = nn.LayerNorm(n_embd)
        self.lm_head = nn.Linear(n_embd, vocab_size, bias=False)

    def forward(self, idx, targets=None):
        t = idx.size(1)
        pos = torch.arange(0, t, dtype=torch.long, device=idx.device)
        mask = nn.Transformer.generate_square_subsequent_mask(t).to(idx.device)
        x = self.h(self.wte(idx) + self.wpe(pos), mask=mask, is_causal=True)
        logits = self.lm_head(self.ln_f(x))
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1)
        return logits, loss

    def configure_optimizers(self, weight_decay, learning_rate, betas, device_type):
        param_dict = {pn: p for pn, p in self.named_parameters()}
        param_dict = {pn: p for pn, p in param_dict.items() if p.requires_grad}
        decay_params = [p for n, p in param_dict.items() if p.dim() >= 2]
        nodecay_params = [p for n, p in param_dict.items() if p.dim() < 2]
        optim_groups = [
            {'params': decay_params, 'weight_decay': weight_decay},
            {'params': nodecay_params, 'weight_decay': 0.0},
        ]
        fused_available = 'fused' in inspect.signature(torch.optim.AdamW).parameters
        extra_args = dict(fused=True) if fused_available and device_type == 'cuda' else dict()
        return torch.optim.AdamW(optim_groups, lr=learning_rate, betas=betas, **extra_args)


def get_batch(data, block_size, batch_size, device):
    ix = torch.randint(len(data) - block_size, (batch_size,))
    x = torch.stack([torch.from_numpy(data[i:i + block_size].astype(np.int64)) for i in ix])
    y = torch.stack([torch.from_numpy(data[i + 1:i + 1 + block_size].astype(np.int64)) for i in ix])
    return x.to(device), y.to(device)


if __name__ == '__main__':
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train_data = np.memmap('data/shakespeare_char/train.bin', dtype=np.uint16, mode='r')
    model = TinyLM().to(device)
    optimizer = model.configure_optimizers(0.1, 1e-3, (0.9, 0.99), 'cuda' if device == 'cuda' else 'cpu')
    max_iters, warmup = 5000, 100
    for it in range(max_iters):
        lr = 1e-3 * min(1.0, (it + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * it / max_iters))
        for group in optimizer.param_groups:
            group['lr'] = lr
        X, Y = get_batch(train_data, 128, 32, device)
        logits, loss = model(X, Y)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        if it % 250 == 0:
            print(f'iter {it}: loss {loss.item():.4f}')
