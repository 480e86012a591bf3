# Idiom seen in: repository not resolved by the code index (index file id 41636755356: get_parameter_names copied
#   from transformers' trainer_pt_utils, get_optimizer(model, lr, weight_decay) -> AdamW(betas=(0.9, 0.95)), lr 7e-5,
#   weight_decay 0.01, run on a Llama model); the HF docstring of get_decay_parameter_names warns that models with
#   their own norm class "could still" get decay because only nn.LayerNorm instances are filtered out
# What it reproduces: the Hugging Face no-decay recipe (forbidden layer types [nn.LayerNorm], then drop names with
#   "bias") applied to a model whose normalization layers are a custom RMSNorm class.
# label-note: RMSNorm is not an nn.LayerNorm, so attention_norm.weight, ffn_norm.weight and norm.weight land in the
#   decayed group (WD203, on the decayed group's "params" line). AdamW is decoupled (no WD202); the model has no
#   biases, so the "bias" filter removes nothing.
import math

import torch
import torch.nn.functional as F

from model import ModelArgs, Transformer
from data import SupervisedDataset, get_dataloader


def get_parameter_names(model, forbidden_layer_types):
    result = []
    for name, child in model.named_children():
        result += [
            f"{name}.{n}"
            for n in get_parameter_names(child, forbidden_layer_types)
            if not isinstance(child, tuple(forbidden_layer_types))
        ]
    result += list(model._parameters.keys())
    return result


def get_optimizer(model, lr, weight_decay):
    decay_parameters = get_parameter_names(model, [torch.nn.LayerNorm])
    decay_parameters = [name for name in decay_parameters if "bias" not in name]
    optimizer_grouped_parameters = [
        {
            "params": [p for n, p in model.named_parameters() if n in decay_parameters and p.requires_grad],  # expect: WD203
            "weight_decay": weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if n not in decay_parameters and p.requires_grad],
            "weight_decay": 0.0,
        },
    ]
    return torch.optim.AdamW(params=optimizer_grouped_parameters, lr=lr, betas=(0.9, 0.95), eps=1e-8,
                             weight_decay=weight_decay)


if __name__ == "__main__":
    lr = 7e-05
    weight_decay = 0.01
    epochs = 3
    gradient_accumulation_steps = 4
    device = torch.device("cuda")
    model = Transformer(ModelArgs()).to(device)
    model.load_state_dict(torch.load("checkpoints/base.pt", map_location="cpu"))
    optimizer = get_optimizer(model, lr, weight_decay)
    loader = get_dataloader(SupervisedDataset("data/sft_train.jsonl"), batch_size=2)
    max_steps = len(loader) * epochs // gradient_accumulation_steps
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, max_steps) / max_steps)))
    model.train()
    for epoch in range(epochs):
        for step, batch in enumerate(loader):
            logits = model(batch["input_ids"].to(device))
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), batch["labels"].to(device).view(-1),
                                   ignore_index=-100)
            (loss / gradient_accumulation_steps).backward()
            if (step + 1) % gradient_accumulation_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
