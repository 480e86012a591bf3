# Idiom seen in: wzhouad/ATLOP train.py
# What it reproduces: user's mistake in the repo's idiom: after transformers.AdamW was deprecated the
# import was switched to torch.optim.AdamW, whose weight_decay defaults to 0.01; the two lr groups give
# no weight_decay of their own, so BERT's biases and LayerNorm weights are now decayed (WD203).
import argparse

import torch
from torch.optim import AdamW
from torch.utils.data import DataLoader
from transformers import AutoConfig, AutoModel, get_linear_schedule_with_warmup

from model import DocREModel
from prepro import read_docred
from utils import collate_fn, set_seed


def train(args, model, train_features):
    new_layer = ["extractor", "bilinear"]
    optimizer_grouped_parameters = [
        {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in new_layer)]},
        {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in new_layer)], "lr": 1e-4},
    ]
    optimizer = AdamW(optimizer_grouped_parameters, lr=args.learning_rate, eps=args.adam_epsilon)  # expect: WD203
    loader = DataLoader(train_features, batch_size=args.train_batch_size, shuffle=True,
                        collate_fn=collate_fn, drop_last=True)
    total_steps = int(len(loader) * args.num_train_epochs)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total_steps * args.warmup_ratio), total_steps)
    model.zero_grad()
    for epoch in range(int(args.num_train_epochs)):
        for step, batch in enumerate(loader):
            model.train()
            inputs = {'input_ids': batch[0].to(args.device), 'attention_mask': batch[1].to(args.device),
                      'labels': batch[2], 'entity_pos': batch[3], 'hts': batch[4]}
            loss = model(**inputs)[0]
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.max_grad_norm)
            optimizer.step()
            scheduler.step()
            model.zero_grad()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", default="bert-base-cased", type=str)
    parser.add_argument("--train_file", default="./dataset/docred/train_annotated.json", type=str)
    parser.add_argument("--train_batch_size", default=4, type=int)
    parser.add_argument("--learning_rate", default=5e-5, type=float)
    parser.add_argument("--adam_epsilon", default=1e-6, type=float)
    parser.add_argument("--max_grad_norm", default=1.0, type=float)
    parser.add_argument("--warmup_ratio", default=0.06, type=float)
    parser.add_argument("--num_train_epochs", default=30.0, type=float)
    parser.add_argument("--seed", type=int, default=66)
    args = parser.parse_args()
    args.device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    config = AutoConfig.from_pretrained(args.model_name_or_path, num_labels=97)
    encoder = AutoModel.from_pretrained(args.model_name_or_path, config=config)
    set_seed(args)
    model = DocREModel(config, encoder, num_labels=4).to(args.device)
    train(args, model, read_docred(args.train_file, args.model_name_or_path))


if __name__ == "__main__":
    main()
