# Idiom seen in: tatsu-lab/stanford_alpaca train.py
# What it reproduces: Alpaca's supervised fine-tuning ported from the Hugging Face Trainer to a plain
# accelerate loop; the port builds torch.optim.AdamW(model.parameters(), lr=...) and forgets that
# torch's AdamW decays by 0.01 by default, on every norm weight and bias (the Trainer excluded them).
import argparse
import math

import torch
import transformers
from accelerate import Accelerator
from torch.utils.data import DataLoader

from sft_data import SupervisedDataset, DataCollatorForSupervisedDataset

DEFAULT_PAD_TOKEN = "[PAD]"


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="facebook/opt-125m")
    parser.add_argument("--data_path", default="./alpaca_data.json")
    parser.add_argument("--output_dir", default="./output")
    parser.add_argument("--learning_rate", type=float, default=2e-5)
    parser.add_argument("--num_train_epochs", type=int, default=3)
    parser.add_argument("--per_device_train_batch_size", type=int, default=4)
    parser.add_argument("--gradient_accumulation_steps", type=int, default=8)
    parser.add_argument("--warmup_ratio", type=float, default=0.03)
    parser.add_argument("--model_max_length", type=int, default=512)
    return parser.parse_args()


def train():
    args = parse_args()
    accelerator = Accelerator(gradient_accumulation_steps=args.gradient_accumulation_steps, mixed_precision="bf16")

    model = transformers.AutoModelForCausalLM.from_pretrained(args.model_name_or_path)
    tokenizer = transformers.AutoTokenizer.from_pretrained(
        args.model_name_or_path, model_max_length=args.model_max_length, padding_side="right", use_fast=False)
    if tokenizer.pad_token is None:
        tokenizer.add_special_tokens(dict(pad_token=DEFAULT_PAD_TOKEN))
        model.resize_token_embeddings(len(tokenizer))

    dataset = SupervisedDataset(tokenizer=tokenizer, data_path=args.data_path)
    loader = DataLoader(dataset, batch_size=args.per_device_train_batch_size, shuffle=True,
                        collate_fn=DataCollatorForSupervisedDataset(tokenizer=tokenizer))

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.learning_rate)  # expect: WD203
    total_steps = args.num_train_epochs * math.ceil(len(loader) / args.gradient_accumulation_steps)
    scheduler = transformers.get_cosine_schedule_with_warmup(
        optimizer, int(args.warmup_ratio * total_steps), total_steps)
    model, optimizer, loader, scheduler = accelerator.prepare(model, optimizer, loader, scheduler)

    model.train()
    for epoch in range(args.num_train_epochs):
        for step, batch in enumerate(loader):
            with accelerator.accumulate(model):
                outputs = model(**batch)
                accelerator.backward(outputs.loss)
                accelerator.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()
            if accelerator.is_main_process and step % 100 == 0:
                accelerator.print(f"epoch {epoch} step {step} loss {outputs.loss.item():.4f}")

    accelerator.wait_for_everyone()
    accelerator.unwrap_model(model).save_pretrained(args.output_dir, save_function=accelerator.save)
    tokenizer.save_pretrained(args.output_dir)


if __name__ == "__main__":
    train()
