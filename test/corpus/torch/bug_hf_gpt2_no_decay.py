# Idiom seen in: LOG-postech/Sassha language_tasks/finetuning/finetune.py
# What it reproduces: run_glue_no_trainer-style fine-tuning with the BERT no_decay list
#   ["bias", "LayerNorm.weight"] kept for a GPT-2 backbone, whose norms are named ln_1 / ln_2 / ln_f:
#   their weights stay in the decayed group.
import argparse
import math

import torch
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, get_scheduler)
from datasets import load_dataset

parser = argparse.ArgumentParser(description="Finetune GPT-2 on a GLUE task")
parser.add_argument("--task_name", type=str, default="sst2")
parser.add_argument("--lr", type=float, default=5e-5)
parser.add_argument("--weight_decay", type=float, default=0.01)
parser.add_argument("--num_train_epochs", type=int, default=3)
parser.add_argument("--per_device_train_batch_size", type=int, default=16)
parser.add_argument("--num_warmup_steps", type=int, default=0)
args = parser.parse_args()

tokenizer = AutoTokenizer.from_pretrained("gpt2")
tokenizer.pad_token = tokenizer.eos_token
model = AutoModelForSequenceClassification.from_pretrained("gpt2", num_labels=2)
model.config.pad_token_id = tokenizer.pad_token_id

raw = load_dataset("nyu-mll/glue", args.task_name)
train_dataset = raw["train"].map(lambda ex: tokenizer(ex["sentence"], truncation=True, max_length=128),
                                 batched=True, remove_columns=["sentence", "idx"])
train_dataloader = DataLoader(train_dataset, shuffle=True, batch_size=args.per_device_train_batch_size,
                              collate_fn=DataCollatorWithPadding(tokenizer))

no_decay = ["bias", "LayerNorm.weight"]
optimizer_grouped_parameters = [
    {
        "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],  # expect: WD203
        "weight_decay": args.weight_decay,
    },
    {
        "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
        "weight_decay": 0.0,
    },
]
optimizer = torch.optim.AdamW(optimizer_grouped_parameters, lr=args.lr)
max_train_steps = args.num_train_epochs * math.ceil(len(train_dataloader))
lr_scheduler = get_scheduler("linear", optimizer=optimizer, num_warmup_steps=args.num_warmup_steps,
                             num_training_steps=max_train_steps)

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model.to(device)
for epoch in range(args.num_train_epochs):
    model.train()
    for batch in train_dataloader:
        batch = {k: v.to(device) for k, v in batch.items()}
        outputs = model(**batch)
        loss = outputs.loss
        loss.backward()
        optimizer.step()
        lr_scheduler.step()
        optimizer.zero_grad()
    print("epoch", epoch, "loss", loss.item())
