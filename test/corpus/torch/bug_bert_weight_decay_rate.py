# Idiom seen in: hyeyoung-koh/multimodal_bertTest finetuning.py
# What it reproduces: the old pytorch-pretrained-BERT param groups keyed 'weight_decay_rate' (a BertAdam key)
#   handed to torch.optim.AdamW, which ignores that key and applies its default weight_decay=0.01 to both groups.
# label-note: WD203 because the "no_decay" group (biases, LayerNorm via 'gamma'/'beta'/'bias') really gets
#   AdamW's implied default decay of 0.01; the group's 'weight_decay_rate': 0.0 has no effect. Put on the
#   params argument line of the optimizer call.
import argparse

import torch
from torch.optim import AdamW
from transformers import BertForSequenceClassification, get_linear_schedule_with_warmup

from data_utils import build_dataloaders


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--lr", type=float, default=2e-5)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--batch_size", type=int, default=32)
    return p.parse_args()


def main():
    args = parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_loader, val_loader = build_dataloaders(args.batch_size)

    model = BertForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=2)
    model.to(device)

    param_optimizer = list(model.named_parameters())
    no_decay = ["bias", "gamma", "beta"]
    optimizer_grouped_parameters = [
        {"params": [p for n, p in param_optimizer if not any(nd in n for nd in no_decay)],
         "weight_decay_rate": 0.01},
        {"params": [p for n, p in param_optimizer if any(nd in n for nd in no_decay)],
         "weight_decay_rate": 0.0},
    ]
    optimizer = AdamW(optimizer_grouped_parameters,  # expect: WD203
                      lr=args.lr, eps=1e-8)
    total_steps = len(train_loader) * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=0,
                                                num_training_steps=total_steps)

    for epoch in range(args.epochs):
        model.train()
        tr_loss = 0.0
        for step, batch in enumerate(train_loader):
            input_ids, mask, labels = (t.to(device) for t in batch)
            optimizer.zero_grad()
            outputs = model(input_ids, token_type_ids=None, attention_mask=mask, labels=labels)
            loss = outputs[0]
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            tr_loss += loss.item()
        print("epoch {} train loss {:.4f}".format(epoch, tr_loss / (step + 1)))


if __name__ == "__main__":
    main()
