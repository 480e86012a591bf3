# Idiom seen in: dkw-aau/medic_transformer transformermodule/Model/optimiser.py (no_decay groups built inside an optimizer helper from args)
# What it reproduces: build_optimizer() builds the usual no_decay groups, then hands model.parameters() to
# AdamW with weight_decay=args.weight_decay; the groups are never used, so every bias and LayerNorm weight
# is decayed too (WD203). The loss itself is wired correctly.
import argparse

import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, get_linear_schedule_with_warmup

from data_utils import load_task_dataset  # tokenized datasets, not in this folder


def build_optimizer(model, args):
    no_decay = ["bias", "LayerNorm.weight"]
    optimizer_grouped_parameters = [
        {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
         "weight_decay": args.weight_decay},
        {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
         "weight_decay": 0.0},
    ]
    print("decay / no-decay tensors:", [len(g["params"]) for g in optimizer_grouped_parameters])
    optimizer = torch.optim.AdamW(
        model.parameters(),  # expect: WD203
        lr=args.learning_rate,
        eps=args.adam_epsilon,
        weight_decay=args.weight_decay,
    )
    return optimizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="bert-base-uncased")
    parser.add_argument("--task_name", default="mrpc")
    parser.add_argument("--learning_rate", default=2e-5, type=float)
    parser.add_argument("--weight_decay", default=0.01, type=float)
    parser.add_argument("--adam_epsilon", default=1e-8, type=float)
    parser.add_argument("--warmup_proportion", default=0.1, type=float)
    parser.add_argument("--num_train_epochs", default=3, type=int)
    parser.add_argument("--train_batch_size", default=32, type=int)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    args = parser.parse_args()

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dataset, num_labels = load_task_dataset(args.task_name, args.model_name_or_path)
    train_dataloader = DataLoader(train_dataset, batch_size=args.train_batch_size, shuffle=True)

    model = AutoModelForSequenceClassification.from_pretrained(args.model_name_or_path, num_labels=num_labels)
    model.to(device)

    t_total = len(train_dataloader) * args.num_train_epochs
    optimizer = build_optimizer(model, args)
    scheduler = get_linear_schedule_with_warmup(
        optimizer, num_warmup_steps=int(args.warmup_proportion * t_total), num_training_steps=t_total)

    global_step = 0
    model.train()
    for epoch in range(args.num_train_epochs):
        for batch in train_dataloader:
            batch = {k: v.to(device) for k, v in batch.items()}
            outputs = model(**batch)
            loss = outputs.loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
            optimizer.step()
            scheduler.step()
            model.zero_grad()
            global_step += 1
            if global_step % 50 == 0:
                print(f"epoch {epoch} step {global_step} loss {loss.item():.4f}")
    model.save_pretrained("output")


if __name__ == "__main__":
    main()
