# Idiom seen in: anotherchudov/feedback baseline3_1dcnn/module/optimizer.py
# What it reproduces: the Kaggle Feedback-Prize baseline's get_optimizer(args, model) AdamW path: embeddings, LayerNorm
#   and biases go into a weight_decay=0 group, everything else gets args.weight_decay (decoupled), initial lr 0 set by
#   a warmup schedule. The repo's alternative Adam(weight_decay=...) branch is left out here. Clean.
import argparse

import torch
from torch.optim import AdamW
from transformers import AutoModelForTokenClassification, get_cosine_schedule_with_warmup

from module.dataset import get_dataloader


def get_optimizer(args, model):
    weights = []
    biases = []
    for n, p in model.named_parameters():
        if n.startswith('feats.embeddings') or 'LayerNorm' in n or n.endswith('bias'):
            # embedding layer & bias layer
            biases.append(p)
        else:
            # except above
            weights.append(p)

    optimizer = AdamW([{'params': weights, 'weight_decay': args.weight_decay, 'lr': 0},
                       {'params': biases, 'weight_decay': 0, 'lr': 0}])
    optimizer.zero_grad()
    return optimizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', type=str, default='allenai/longformer-base-4096')
    parser.add_argument('--lr', type=float, default=3e-5)
    parser.add_argument('--weight_decay', type=float, default=1e-2)
    parser.add_argument('--epochs', type=int, default=9)
    parser.add_argument('--warmup_steps', type=int, default=500)
    parser.add_argument('--grad_acc_steps', type=int, default=2)
    args = parser.parse_args()

    model = AutoModelForTokenClassification.from_pretrained(args.model, num_labels=15)
    train_loader = get_dataloader(args, split='train')
    optimizer = get_optimizer(args, model)
    for group in optimizer.param_groups:
        group['initial_lr'] = args.lr
    total_steps = args.epochs * len(train_loader) // args.grad_acc_steps
    scheduler = get_cosine_schedule_with_warmup(optimizer, args.warmup_steps, total_steps)

    model.train()
    for epoch in range(args.epochs):
        for step, batch in enumerate(train_loader):
            outputs = model(input_ids=batch['input_ids'], attention_mask=batch['attention_mask'],
                            labels=batch['labels'])
            loss = outputs.loss / args.grad_acc_steps
            loss.backward()
            if (step + 1) % args.grad_acc_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()


if __name__ == '__main__':
    main()
