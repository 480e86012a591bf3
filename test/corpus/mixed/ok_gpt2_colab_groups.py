# Idiom seen in: matt-hans/transformer-builder-colab-templates .tasks/tasks/T056-implement-weight-decay-exclusion.md
# What it reproduces: the task's target state: a _get_optimizer_grouped_parameters helper for fine-tuning a
# Hugging Face GPT-2 that decays only matrices (ndim >= 2, not biases), so ln_1/ln_2/ln_f and biases get 0. Clean.
import argparse

import torch
from transformers import GPT2LMHeadModel, GPT2TokenizerFast, get_linear_schedule_with_warmup

from colab_data import build_lm_dataloader  # not in this workspace


def _get_optimizer_grouped_parameters(model, weight_decay):
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim < 2 or name.endswith("bias"):
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]


def test_fine_tuning(args):
    tokenizer = GPT2TokenizerFast.from_pretrained("gpt2")
    model = GPT2LMHeadModel.from_pretrained("gpt2").to(args.device)
    loader = build_lm_dataloader(tokenizer, args.dataset, block_size=256, batch_size=args.batch_size)

    optimizer = torch.optim.AdamW(_get_optimizer_grouped_parameters(model, args.weight_decay), lr=args.lr)
    total = len(loader) * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * total), total)

    model.train()
    for epoch in range(args.epochs):
        for batch in loader:
            batch = {k: v.to(args.device) for k, v in batch.items()}
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
        print(f"epoch {epoch}: loss {loss.item():.3f}")
    return model


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="wikitext-2-raw-v1")
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--weight_decay", type=float, default=0.01)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch_size", type=int, default=8)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    test_fine_tuning(parser.parse_args())
