# Idiom seen in: Lightning-AI/lit-llama finetune/lora.py
# What it reproduces: LoRA fine-tuning with Fabric: mark_only_lora_as_trainable freezes every base weight,
# bias and RMSNorm scale, so AdamW(model.parameters(), weight_decay=...) only ever updates (and decays) the
# 2-D lora_A / lora_B matrices (frozen tensors get no grad and AdamW skips them). Clean.
import os
import time

import lightning as L
import numpy as np
import torch

from lit_llama.lora import lora, mark_only_lora_as_trainable
from lit_llama.model import LLaMA, LLaMAConfig
from lit_llama.tokenizer import Tokenizer

eval_interval = 100
save_interval = 100
log_interval = 1
learning_rate = 3e-4
batch_size = 128
micro_batch_size = 4
gradient_accumulation_iters = batch_size // micro_batch_size
max_iters = 50000 * 3 // micro_batch_size
weight_decay = 0.01
max_seq_length = 256
lora_r = 8
lora_alpha = 16
lora_dropout = 0.05
warmup_iters = 100


def main(data_dir="data/alpaca", pretrained_path="checkpoints/lit-llama/7B/lit-llama.pth",
         out_dir="out/lora/alpaca"):
    fabric = L.Fabric(accelerator="cuda", devices=1, precision="bf16-true")
    fabric.seed_everything(1337)
    os.makedirs(out_dir, exist_ok=True)
    train_data = np.load(os.path.join(data_dir, "train.npy"), allow_pickle=True)
    config = LLaMAConfig.from_name("7B")
    config.block_size = max_seq_length
    checkpoint = torch.load(pretrained_path)
    with fabric.init_module(), lora(r=lora_r, alpha=lora_alpha, dropout=lora_dropout, enabled=True):
        model = LLaMA(config)
        model.load_state_dict(checkpoint, strict=False)
    mark_only_lora_as_trainable(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=weight_decay)
    model, optimizer = fabric.setup(model, optimizer)
    train(fabric, model, optimizer, train_data)


def get_batch(fabric, data):
    ix = torch.randint(len(data), (micro_batch_size,))
    input_ids = [torch.tensor(data[i]["input_ids"], dtype=torch.int64) for i in ix]
    labels = [torch.tensor(data[i]["labels"], dtype=torch.int64) for i in ix]
    x = torch.stack([torch.nn.functional.pad(t, (0, max_seq_length - len(t))) for t in input_ids])
    y = torch.stack([torch.nn.functional.pad(t, (0, max_seq_length - len(t)), value=-1) for t in labels])
    return fabric.to_device((x.pin_memory(), y.pin_memory()))


def train(fabric, model, optimizer, train_data):
    step_count = 0
    for iter_num in range(max_iters):
        if step_count <= warmup_iters:
            lr = learning_rate * step_count / warmup_iters
            for param_group in optimizer.param_groups:
                param_group['lr'] = lr
        t0 = time.time()
        input_ids, targets = get_batch(fabric, train_data)
        logits = model(input_ids)
        loss = torch.nn.functional.cross_entropy(logits[..., :-1, :].reshape(-1, logits.size(-1)),
                                                 targets[..., 1:].reshape(-1), ignore_index=-1)
        fabric.backward(loss / gradient_accumulation_iters)
        if (iter_num + 1) % gradient_accumulation_iters == 0:
            optimizer.step()
            optimizer.zero_grad()
            step_count += 1
        if iter_num % log_interval == 0:
            fabric.print(f"iter {iter_num}: loss {loss.item():.4f}, time: {(time.time() - t0) * 1000:.2f}ms")


if __name__ == "__main__":
    from jsonargparse.cli import CLI
    CLI(main)
