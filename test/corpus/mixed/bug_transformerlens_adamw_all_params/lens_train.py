# Idiom seen in: TransformerLensOrg/TransformerLens transformer_lens/train.py
# What it reproduces: the library-style train() helper: when weight_decay is set it builds
#   optim.AdamW(model.parameters(), weight_decay=...) over every parameter of the HookedTransformer, so the
#   LayerNorm scales (ln1/ln2/ln_final .w) and all b_* biases are decayed too (TransformerLens issue #460).
from dataclasses import dataclass
from typing import Optional

import torch
import torch.optim as optim
from torch.utils.data import DataLoader, Dataset
from tqdm.auto import tqdm

from transformer_lens import HookedTransformer


@dataclass
class HookedTransformerTrainConfig:
    num_epochs: int
    batch_size: int
    lr: float = 1e-3
    seed: int = 0
    momentum: float = 0.0
    max_grad_norm: Optional[float] = None
    weight_decay: Optional[float] = None
    optimizer_name: str = "Adam"
    device: Optional[str] = None
    warmup_steps: int = 0
    print_every: Optional[int] = 50


def train(model: HookedTransformer, config: HookedTransformerTrainConfig, dataset: Dataset) -> HookedTransformer:
    torch.manual_seed(config.seed)
    model.train()

    if config.optimizer_name in ["Adam", "AdamW"]:
        # Weight decay in Adam is implemented badly, so use AdamW instead
        if config.weight_decay is not None:
            optimizer = optim.AdamW(model.parameters(), lr=config.lr,  # expect: WD203
                                    weight_decay=config.weight_decay)
        else:
            optimizer = optim.Adam(model.parameters(), lr=config.lr)
    elif config.optimizer_name == "SGD":
        optimizer = optim.SGD(model.parameters(), lr=config.lr, momentum=config.momentum,
                              weight_decay=(config.weight_decay if config.weight_decay is not None else 0.0))
    else:
        raise ValueError(f"Optimizer {config.optimizer_name} not supported")

    scheduler = None
    if config.warmup_steps > 0:
        scheduler = optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda step: min(1.0, step / config.warmup_steps))

    dataloader = DataLoader(dataset, batch_size=config.batch_size, shuffle=True)
    model.to(config.device)

    for epoch in tqdm(range(1, config.num_epochs + 1)):
        for step, batch in enumerate(dataloader):
            tokens = batch["tokens"].to(config.device)
            loss = model(tokens, return_type="loss")
            loss.backward()
            if config.max_grad_norm is not None:
                torch.nn.utils.clip_grad_norm_(model.parameters(), config.max_grad_norm)
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            optimizer.zero_grad()
            if config.print_every is not None and step % config.print_every == 0:
                print(f"Epoch {epoch} Step {step} Loss {loss.item()}")
    return model
