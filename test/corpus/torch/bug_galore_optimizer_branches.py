# Idiom seen in: jiaweizzhao/GaLore torchrun_main.py
# What it reproduces: an args.optimizer switch (default "adam") building torch.optim.Adam or SGD over
# trainable_params = every parameter of a LlamaForCausalLM; with a non-zero --weight_decay (the user's
# default here, the repository's is 0.0) Adam gets coupled L2 and both decay the RMSNorm weights.
import argparse
import time

import torch
import torch.nn as nn
import transformers
from transformers import AutoConfig, AutoTokenizer, LlamaForCausalLM

import training_utils
from peft_pretraining.dataloader import PreprocessedIterableDataset


def parse_args(args):
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_config", type=str, required=True)
    parser.add_argument("--batch_size", type=int, default=64)
    parser.add_argument("--gradient_accumulation", type=int, default=1)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--beta1", type=float, default=0.0)
    parser.add_argument("--weight_decay", type=float, default=0.1)
    parser.add_argument("--optimizer", default="adam")
    parser.add_argument("--scheduler", type=str, default="cosine", choices=["linear", "cosine", "cosine_restarts"])
    parser.add_argument("--warmup_steps", type=int, default=1000)
    parser.add_argument("--num_training_steps", type=int, default=10000)
    parser.add_argument("--min_lr_ratio", type=float, default=0.1)
    parser.add_argument("--grad_clipping", type=float, default=0.0)
    return parser.parse_args(args)


def main(args):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained("t5-base", model_max_length=256)
    dataloader = torch.utils.data.DataLoader(
        PreprocessedIterableDataset("c4", tokenizer, batch_size=args.batch_size, max_length=256),
        batch_size=None)

    model_config = AutoConfig.from_pretrained(args.model_config)
    model = LlamaForCausalLM(model_config).to(device=device)

    trainable_params = [p for p in model.parameters() if p.requires_grad]
    print(f"Trainable params: {sum(p.numel() for p in trainable_params) / 1_000_000:.2f}M")

    if args.optimizer.lower() == "adam":
        optimizer = torch.optim.Adam(trainable_params, lr=args.lr, weight_decay=args.weight_decay)  # expect: WD202, WD203
    elif args.optimizer.lower() == "sgd":
        optimizer = torch.optim.SGD(trainable_params, lr=args.lr, weight_decay=args.weight_decay, momentum=args.beta1)  # expect: WD203
    else:
        raise ValueError(f"Optimizer {args.optimizer} not supported")

    scheduler = training_utils.get_scheculer(optimizer=optimizer, scheduler_type=args.scheduler,
                                             num_training_steps=args.num_training_steps,
                                             warmup_steps=args.warmup_steps, min_lr_ratio=args.min_lr_ratio)
    pad_idx = tokenizer.pad_token_id
    update_step, global_step = 0, 0
    for batch in dataloader:
        global_step += 1
        if update_step > args.num_training_steps:
            break
        batch = {k: v.to(device) for k, v in batch.items()}
        labels = batch["input_ids"].clone()
        labels[labels == pad_idx] = -100
        loss = model(**batch, labels=labels).loss
        (loss / args.gradient_accumulation).backward()
        if global_step % args.gradient_accumulation != 0:
            continue
        if args.grad_clipping != 0.0:
            torch.nn.utils.clip_grad_norm_(trainable_params, args.grad_clipping)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        update_step += 1
        if update_step % 100 == 0:
            print(f"step {update_step} loss {loss.item():.4f} lr {optimizer.param_groups[0]['lr']:.2e}")


if __name__ == "__main__":
    main(parse_args(None))
