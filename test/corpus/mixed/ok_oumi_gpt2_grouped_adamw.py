# Idiom seen in: oumi-ai/oumi src/oumi/builders/optimizers.py
# Idiom seen in: oumi-ai/oumi src/oumi/utils/torch_naming_heuristics.py
# What it reproduces: oumi's builder: group_trainable_params() decays all trainable params except nn.LayerNorm ones and
#   names with "bias", and build_optimizer picks the class by name; the run uses "adamw_torch" on GPT-2 (nn.LayerNorm
#   ln_1/ln_2/ln_f), so decay is decoupled and reaches only Conv1D/embedding weights. Clean.
from dataclasses import dataclass
from typing import Any

import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM, get_cosine_schedule_with_warmup
from transformers.trainer_pt_utils import get_parameter_names

from oumi.datasets import build_pretraining_dataset


@dataclass
class TrainingParams:
    optimizer: str = "adamw_torch"
    learning_rate: float = 6e-4
    weight_decay: float = 0.1
    adam_beta1: float = 0.9
    adam_beta2: float = 0.95
    adam_epsilon: float = 1e-8
    warmup_steps: int = 2000
    max_steps: int = 100_000
    per_device_train_batch_size: int = 16


def group_trainable_params(model: torch.nn.Module, weight_decay: float) -> list[dict[str, Any]]:
    decay_parameters = get_parameter_names(model, [torch.nn.LayerNorm])
    decay_parameters = [name for name in decay_parameters if "bias" not in name]
    trainable_params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    return [
        {"params": [p for n, p in trainable_params if n in decay_parameters], "weight_decay": weight_decay},
        {"params": [p for n, p in trainable_params if n not in decay_parameters], "weight_decay": 0.0},
    ]


def build_optimizer(model: torch.nn.Module, config: TrainingParams) -> torch.optim.Optimizer:
    optimizer_name = config.optimizer.lower()
    trainable_param_groups = group_trainable_params(model, config.weight_decay)
    fused_available = torch.cuda.is_available()
    if optimizer_name in ("adamw", "adamw_torch", "adamw_torch_fused"):
        return torch.optim.AdamW(
            trainable_param_groups,
            lr=config.learning_rate,
            betas=(config.adam_beta1, config.adam_beta2),
            eps=config.adam_epsilon,
            fused=fused_available,
        )
    raise ValueError(f"Unsupported optimizer: {optimizer_name}")


def train():
    params = TrainingParams(optimizer="adamw_torch", weight_decay=0.1)
    model = AutoModelForCausalLM.from_pretrained("openai-community/gpt2").cuda()
    loader = DataLoader(build_pretraining_dataset("HuggingFaceFW/fineweb-edu", seq_len=1024),
                        batch_size=params.per_device_train_batch_size)
    optimizer = build_optimizer(model, params)
    scheduler = get_cosine_schedule_with_warmup(optimizer, params.warmup_steps, params.max_steps)

    model.train()
    for step, batch in enumerate(loader):
        batch = {k: v.cuda() for k, v in batch.items()}
        loss = model(**batch, labels=batch["input_ids"]).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        if step % 100 == 0:
            print(f"step {step}: loss {loss.item():.4f}")
        if step >= params.max_steps:
            break


if __name__ == "__main__":
    train()
