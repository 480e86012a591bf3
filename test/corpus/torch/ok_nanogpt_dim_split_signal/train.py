# Idiom seen in: akavi/nanoGPT models/utils.py
# What it reproduces: nanoGPT-style globals and loop: the optimizer comes from
#   model.configure_optimizers(weight_decay, learning_rate, (beta1, beta2), device_type), the loss
#   returned by the model is what backward() sees. Clean.
import math
import time

import numpy as np
import torch

from models.dmol_seq import DMolConfig, DMolSeq

out_dir = 'out-speech-dmol'
batch_size = 32
block_size = 1024
learning_rate = 6e-4
max_iters = 60000
weight_decay = 1e-1
beta1 = 0.9
beta2 = 0.95
grad_clip = 1.0
warmup_iters = 2000
min_lr = 6e-5
device = 'cuda' if torch.cuda.is_available() else 'cpu'
device_type = 'cuda' if 'cuda' in device else 'cpu'

data = np.memmap('data/vctk_8k/train.bin', dtype=np.float16, mode='r')


def get_batch():
    ix = torch.randint(len(data) - block_size - 1, (batch_size,))
    x = torch.stack([torch.from_numpy(data[i:i + block_size].astype(np.float32)) for i in ix])
    y = torch.stack([torch.from_numpy(data[i + 1:i + 1 + block_size].astype(np.float32)) for i in ix])
    return x.to(device), y.to(device)


def get_lr(it):
    if it < warmup_iters:
        return learning_rate * it / warmup_iters
    decay_ratio = (it - warmup_iters) / (max_iters - warmup_iters)
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (learning_rate - min_lr)


model = DMolSeq(DMolConfig(block_size=block_size)).to(device)
optimizer = model.configure_optimizers(weight_decay, learning_rate, (beta1, beta2), device_type)

t0 = time.time()
for iter_num in range(max_iters):
    lr = get_lr(iter_num)
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr
    X, Y = get_batch()
    _, loss = model(X, Y)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    optimizer.step()
    if iter_num % 100 == 0:
        print(f"iter {iter_num}: loss {loss.item():.4f}, time {time.time() - t0:.1f}s")
