# Idiom seen in: matt-hans/transformer-builder-colab-templates .tasks/tasks/T056-implement-weight-decay-exclusion.md
# Idiom seen in: matt-hans/transformer-builder-colab-templates utils/tier3_training_utilities.py
# What it reproduces: the fix T056 asks for: _get_optimizer_grouped_parameters() decays only Linear weights,
#   picked by module type, and gives biases, LayerNorm and embeddings weight_decay 0.0 under AdamW: clean.

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.cuda.amp import GradScaler, autocast
from transformers import get_linear_schedule_with_warmup


def _get_optimizer_grouped_parameters(model, weight_decay=0.01):
    decay, no_decay = set(), set()
    for mn, m in model.named_modules():
        for pn, p in m.named_parameters(recurse=False):
            fpn = '%s.%s' % (mn, pn) if mn else pn
            if pn.endswith('bias'):
                no_decay.add(fpn)
            elif pn.endswith('weight') and isinstance(m, nn.Linear):
                decay.add(fpn)
            elif isinstance(m, (nn.LayerNorm, nn.Embedding)):
                no_decay.add(fpn)
            else:
                no_decay.add(fpn)
    param_dict = {pn: p for pn, p in model.named_parameters()}
    return [
        {'params': [param_dict[pn] for pn in sorted(decay)], 'weight_decay': weight_decay},
        {'params': [param_dict[pn] for pn in sorted(no_decay - decay)], 'weight_decay': 0.0},
    ]


def _lm_batches(vocab_size, seq_len, batch_size, n_batches, device):
    for _ in range(n_batches):
        yield torch.randint(0, vocab_size, (batch_size, seq_len), device=device)


def test_fine_tuning(model, config, n_epochs=3, learning_rate=5e-5, batch_size=4, use_amp=True):
    device = next(model.parameters()).device
    vocab_size = config.vocab_size
    optimizer = torch.optim.AdamW(_get_optimizer_grouped_parameters(model, weight_decay=0.01), lr=learning_rate)
    total_steps = n_epochs * 50
    scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=total_steps // 10,
                                                num_training_steps=total_steps)
    scaler = GradScaler(enabled=use_amp and device.type == 'cuda')
    history = []
    for epoch in range(n_epochs):
        model.train()
        start = time.time()
        running = 0.0
        for input_ids in _lm_batches(vocab_size, config.max_seq_len, batch_size, 50, device):
            optimizer.zero_grad(set_to_none=True)
            with autocast(enabled=scaler.is_enabled()):
                logits = model(input_ids[:, :-1])
                loss = F.cross_entropy(logits.reshape(-1, vocab_size), input_ids[:, 1:].reshape(-1))
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
            running += loss.item()
        history.append({'epoch': epoch, 'loss': running / 50, 'time': time.time() - start})
        print(f"epoch {epoch}: loss={running / 50:.4f}")
    return history
