# Idiom seen in: LOG-postech/Sassha language_tasks/finetuning/finetune.py
# What it reproduces: run_glue_no_trainer-style fine-tuning of roberta-base with the standard
#   ["bias", "LayerNorm.weight"] split, which matches RoBERTa's LayerNorm names; AdamW. Clean.
import argparse

import torch
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, get_scheduler)
from datasets import load_dataset

parser = argparse.ArgumentParser()
parser.add_argument("--task_name", type=str, default="rte")
parser.add_argument("--lr", type=float, default=2e-5)
parser.add_argument("--weight_decay", type=float, default=0.1)
parser.add_argument("--num_train_epochs", type=int, default=10)
parser.add_argument("--batch_size", type=int, default=16)
args = parser.parse_args()

tokenizer = AutoTokenizer.from_pretrained("roberta-base")
model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=2)
raw = load_dataset("nyu-mll/glue", args.task_name)
train_ds = raw["train"].map(
    lambda ex: tokenizer(ex["sentence1"], ex["sentence2"], truncation=True, max_length=128),
    batched=True, remove_columns=["sentence1", "sentence2", "idx"])
loader = DataLoader(train_ds, shuffle=True, batch_size=args.batch_size,
                    collate_fn=DataCollatorWithPadding(tokenizer))

no_decay = ["bias", "LayerNorm.weight"]
optimizer_grouped_parameters = [
    {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
     "weight_decay": args.weight_decay},
    {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
     "weight_decay": 0.0},
]
optimizer = torch.optim.AdamW(optimizer_grouped_parameters, lr=args.lr)
steps = args.num_train_epochs * len(loader)
scheduler = get_scheduler("linear", optimizer=optimizer, num_warmup_steps=int(0.06 * steps),
                          num_training_steps=steps)

model.cuda()
for epoch in range(args.num_train_epochs):
    model.train()
    for batch in loader:
        batch = {k: v.cuda() for k, v in batch.items()}
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
    print("epoch", epoch, "loss", loss.item())
