# Idiom seen in: wzhouad/ATLOP train.py
# What it reproduces: document-level RE fine-tuning: two lr groups (pretrained encoder vs. new
# extractor layers) for transformers.optimization.AdamW without weight_decay; Hugging Face's AdamW
# defaults to weight_decay=0.0, so nothing is decayed (no bias/LayerNorm decay). Clean.
import argparse

import torch
from torch.utils.data import DataLoader
from transformers import AutoConfig, AutoModel
from transformers.optimization import AdamW, get_linear_schedule_with_warmup

from model import DocREModel
from prepro import read_docred
from utils import collate_fn, set_seed


def train(args, model, train_features):
    new_layer = ["extractor", "bilinear"]
    optimizer_grouped_parameters = [
        {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in new_layer)]},
        {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in new_layer)], "lr": 1e-4},
    ]
    optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate, eps=args.adam_epsilon)
    loader = DataLoader(train_features, batch_size=args.train_batch_size, shuffle=True,
                        collate_fn=collate_fn, drop_last=True)
    total_steps = int(len(loader) * args.num_train_epochs // args.gradient_accumulation_steps)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total_steps * args.warmup_ratio), total_steps)
    model.zero_grad()
    for epoch in range(int(args.num_train_epochs)):
        for step, batch in enumerate(loader):
            model.train()
            inputs = {'input_ids': batch[0].to(args.device), 'attention_mask': batch[1].to(args.device),
                      'labels': batch[2], 'entity_pos': batch[3], 'hts': batch[4]}
            loss = model(**inputs)[0] / args.gradient_accumulation_steps
            loss.backward()
            if step % args.gradient_accumulation_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
                optimizer.step()
                scheduler.step()
                model.zero_grad()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="bert-base-cased", type=str)
    parser.add_argument("--train_file", default="./dataset/docred/train_annotated.json", type=str)
    parser.add_argument("--train_batch_size", default=4, type=int)
    parser.add_argument("--gradient_accumulation_steps", default=1, type=int)
    parser.add_argument("--learning_rate", default=5e-5, type=float)
    parser.add_argument("--adam_epsilon", default=1e-6, type=float)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument("--warmup_ratio", default=0.06, type=float)
    parser.add_argument("--num_train_epochs", default=30.0, type=float)
    parser.add_argument("--num_class", type=int, default=97)
    parser.add_argument("--seed", type=int, default=66)
    args = parser.parse_args()
    args.device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    config = AutoConfig.from_pretrained(args.model_name_or_path, num_labels=args.num_class)
    encoder = AutoModel.from_pretrained(args.model_name_or_path, config=config)
    set_seed(args)
    model = DocREModel(config, encoder, num_labels=4).to(args.device)
    train(args, model, read_docred(args.train_file, args.model_name_or_path))


if __name__ == "__main__":
    main()
