# Idiom seen in: zjunlp/SemEval2021Task4 Models/trainer.py
# What it reproduces: a plain-PyTorch fine-tuning script (argparse, train(args, dataset, model), main)
#   that gets its optimizer from optimization.build_optimizer_and_scheduler.
# label-note: clean (see optimization.py).
import argparse

import torch
from torch.utils.data import DataLoader, RandomSampler
from transformers import AutoModelForMultipleChoice, AutoTokenizer

from optimization import build_optimizer_and_scheduler
from semeval_data import load_examples


def train(args, train_dataset, model):
    loader = DataLoader(train_dataset, sampler=RandomSampler(train_dataset), batch_size=args.batch_size)
    t_total = len(loader) // args.gradient_accumulation_steps * args.num_train_epochs
    optimizer, scheduler = build_optimizer_and_scheduler(args, model, t_total)
    model.zero_grad()
    for epoch in range(args.num_train_epochs):
        model.train()
        for step, batch in enumerate(loader):
            batch = {k: v.to(args.device) for k, v in batch.items()}
            loss = model(**batch).loss / args.gradient_accumulation_steps
            loss.backward()
            if (step + 1) % args.gradient_accumulation_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
                optimizer.step()
                scheduler.step()
                model.zero_grad()
        print(f"epoch {epoch} done, last loss {loss.item():.4f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="bert-base-uncased")
    parser.add_argument("--data_dir", default="data/task4")
    parser.add_argument("--learning_rate", type=float, default=2e-5)
    parser.add_argument("--weight_decay", type=float, default=0.01)
    parser.add_argument("--adam_beta1", type=float, default=0.9)
    parser.add_argument("--adam_beta2", type=float, default=0.999)
    parser.add_argument("--adam_epsilon", type=float, default=1e-8)
    parser.add_argument("--warmup_ratio", type=float, default=0.1)
    parser.add_argument("--batch_size", type=int, default=8)
    parser.add_argument("--gradient_accumulation_steps", type=int, default=4)
    parser.add_argument("--num_train_epochs", type=int, default=3)
    parser.add_argument("--max_grad_norm", type=float, default=1.0)
    args = parser.parse_args()
    args.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    model = AutoModelForMultipleChoice.from_pretrained(args.model_name_or_path).to(args.device)
    train_dataset = load_examples(args.data_dir, tokenizer, split="train")
    train(args, train_dataset, model)


if __name__ == "__main__":
    main()
