# Idiom seen in: jzhang38/TinyLlama pretrain/tinyllama.py
# What it reproduces: Lightning Fabric pretraining with module-level hyperparameters; the optimizer
# is torch.optim.AdamW(model.parameters(), weight_decay=weight_decay) with 1e-1, so the RMSNorm
# weights of every block (and of the final norm) are pulled towards zero with the matrices.
import math
import sys
import time
from pathlib import Path

import lightning as L
import torch
from lightning.fabric.strategies import FSDPStrategy

from lit_gpt.model import GPT, Block, Config
from lit_gpt.packed_dataset import CombinedDataset, PackedDataset
from lit_gpt.utils import chunked_cross_entropy, num_parameters

model_name = "tiny_LLaMA_1b"
name = "tinyllama_1b"
out_dir = Path("out") / name

num_of_devices = 8
global_batch_size = 512
learning_rate = 4e-4
micro_batch_size = 8
max_step = 715256 * 2
warmup_steps = 2000
log_step_interval = 10
eval_iters = 100
save_step_interval = 5000

weight_decay = 1e-1
beta1 = 0.9
beta2 = 0.95
grad_clip = 1.0
decay_lr = True
min_lr = 4e-5

batch_size = global_batch_size // num_of_devices
gradient_accumulation_steps = batch_size // micro_batch_size


def get_lr(it):
    if it < warmup_steps:
        return learning_rate * it / warmup_steps
    if it > max_step:
        return min_lr
    decay_ratio = (it - warmup_steps) / (max_step - warmup_steps)
    coeff = 0.5 * (1.0 + math.cos(math.pi * decay_ratio))
    return min_lr + coeff * (learning_rate - min_lr)


def setup(devices: int = 8, train_data_dir: Path = Path("data/redpajama_sample")):
    strategy = FSDPStrategy(auto_wrap_policy={Block}, activation_checkpointing_policy=None,
                            state_dict_type="full", limit_all_gathers=True, cpu_offload=False)
    fabric = L.Fabric(devices=devices, strategy=strategy, precision="bf16-mixed")
    fabric.launch(main, train_data_dir)


def main(fabric, train_data_dir):
    config = Config.from_name(model_name)
    fabric.seed_everything(3407)
    with fabric.init_module(empty_init=False):
        model = GPT(config)
        model.apply(model._init_weights)
    fabric.print(f"Total parameters {num_parameters(model):,}")
    model = fabric.setup(model)

    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=weight_decay,  # expect: WD203
                                  betas=(beta1, beta2), foreach=False)
    optimizer = fabric.setup_optimizers(optimizer)

    train_dataloader = PackedDataset(list(train_data_dir.glob("train_*")), n_chunks=8,
                                     block_size=config.block_size + 1, shuffle=True)
    train_dataloader = fabric.setup_dataloaders(torch.utils.data.DataLoader(train_dataloader,
                                                                            batch_size=micro_batch_size))
    state = {"model": model, "optimizer": optimizer, "iter_num": 0, "step_count": 0}
    train(fabric, state, train_dataloader)


def train(fabric, state, train_dataloader):
    model = state["model"]
    optimizer = state["optimizer"]
    t0 = time.perf_counter()
    for train_data in train_dataloader:
        if state["iter_num"] >= max_step * gradient_accumulation_steps:
            break
        lr = get_lr(state["iter_num"]) if decay_lr else learning_rate
        for param_group in optimizer.param_groups:
            param_group["lr"] = lr
        state["iter_num"] += 1
        input_ids = train_data[:, 0: model.config.block_size].contiguous()
        targets = train_data[:, 1: model.config.block_size + 1].contiguous()
        is_accumulating = state["iter_num"] % gradient_accumulation_steps != 0
        with fabric.no_backward_sync(model, enabled=is_accumulating):
            logits = model(input_ids)
            loss = chunked_cross_entropy(logits, targets, chunk_size=0)
            fabric.backward(loss / gradient_accumulation_steps)
        if not is_accumulating:
            fabric.clip_gradients(model, optimizer, max_norm=grad_clip)
            optimizer.step()
            optimizer.zero_grad()
            state["step_count"] += 1
        if state["iter_num"] % log_step_interval == 0:
            fabric.print(f"iter {state['iter_num']} loss {loss.item():.4f} "
                         f"time {(time.perf_counter() - t0) * 1000:.2f}ms")


if __name__ == "__main__":
    torch.set_float32_matmul_precision("high")
    from jsonargparse import CLI
    CLI(setup)
