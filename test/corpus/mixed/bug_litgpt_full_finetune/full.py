# Idiom seen in: Lightning-AI/litgpt finetune/full.py
# What it reproduces: lit-gpt's full fine-tuning script on Lightning Fabric (module-level hyperparameters, weight_decay
# = 0.02, gradient accumulation, linear warmup); torch.optim.AdamW gets model.parameters() as a single decayed group,
# so every LayerNorm weight/bias and linear bias is decayed too (as in the repo).

import os
import time
from pathlib import Path
from typing import Dict, List, Tuple

import lightning as L
import torch

from model import GPT, Config
from utils import chunked_cross_entropy, lazy_load

eval_interval = 600
save_interval = 1000
eval_iters = 100
log_interval = 1
devices = 1

# Hyperparameters
learning_rate = 3e-3
batch_size = 64 / devices
micro_batch_size = 1
gradient_accumulation_iters = batch_size // micro_batch_size
epoch_size = 50000  # train dataset size
num_epochs = 5
max_iters = num_epochs * (epoch_size // micro_batch_size) // devices
weight_decay = 0.02
warmup_steps = 2 * (epoch_size // micro_batch_size) // devices // gradient_accumulation_iters  # 2 epochs


def setup(data_dir: Path = Path("data/alpaca"),
          checkpoint_dir: Path = Path("checkpoints/stabilityai/stablelm-base-alpha-3b"),
          out_dir: Path = Path("out/full/alpaca"), precision: str = "bf16-mixed"):
    fabric = L.Fabric(devices=devices, strategy="auto", precision=precision)
    fabric.launch(main, data_dir, checkpoint_dir, out_dir)


def main(fabric: L.Fabric, data_dir: Path, checkpoint_dir: Path, out_dir: Path):
    fabric.seed_everything(1337)
    if fabric.global_rank == 0:
        os.makedirs(out_dir, exist_ok=True)
    train_data = torch.load(data_dir / "train.pt")

    config = Config.from_name(name=checkpoint_dir.name)
    with fabric.init_module(empty_init=False):
        model = GPT(config)
    with lazy_load(checkpoint_dir / "lit_model.pth") as checkpoint:
        model.load_state_dict(checkpoint)

    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=weight_decay)  # expect: WD203
    model, optimizer = fabric.setup(model, optimizer)

    train_time = time.time()
    train(fabric, model, optimizer, train_data)
    fabric.print(f"Training time: {(time.time() - train_time):.2f}s")
    fabric.save(out_dir / "lit_model_finetuned.pth", {"model": model})


def train(fabric: L.Fabric, model: GPT, optimizer: torch.optim.Optimizer, train_data: List[Dict]) -> None:
    step_count = 0
    for iter_num in range(max_iters):
        if step_count <= warmup_steps:
            # linear warmup
            lr = learning_rate * step_count / warmup_steps
            for param_group in optimizer.param_groups:
                param_group["lr"] = lr

        input_ids, targets = get_batch(fabric, train_data)
        is_accumulating = (iter_num + 1) % gradient_accumulation_iters != 0
        with fabric.no_backward_sync(model, enabled=is_accumulating):
            logits = model(input_ids)
            loss = chunked_cross_entropy(logits[..., :-1, :], targets[..., 1:], chunk_size=0)
            fabric.backward(loss / gradient_accumulation_iters)

        if not is_accumulating:
            optimizer.step()
            optimizer.zero_grad()
            step_count += 1
        if iter_num % log_interval == 0:
            fabric.print(f"iter {iter_num} step {step_count}: loss {loss.item():.4f}")


def get_batch(fabric: L.Fabric, data: List[Dict]) -> Tuple[torch.Tensor, torch.Tensor]:
    ix = torch.randint(len(data), (micro_batch_size,))
    input_ids = [data[i]["input_ids"].type(torch.int64) for i in ix]
    labels = [data[i]["labels"].type(torch.int64) for i in ix]
    max_len = max(len(s) for s in input_ids)

    def pad_right(x, pad_id):
        n = max_len - len(x)
        return torch.cat((x, torch.full((n,), pad_id, dtype=x.dtype)))

    x = torch.stack([pad_right(x, pad_id=0) for x in input_ids])
    y = torch.stack([pad_right(x, pad_id=-1) for x in labels])
    return fabric.to_device((x, y))


if __name__ == "__main__":
    torch.set_float32_matmul_precision("high")
    from jsonargparse import CLI

    CLI(setup)
