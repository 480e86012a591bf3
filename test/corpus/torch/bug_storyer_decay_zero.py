# Idiom seen in: sairin1202/StoryER optimizer.py
# Idiom seen in: sairin1202/StoryER train.py
# What it reproduces: get_optimizer(model, lr, ..., weight_decay, ...) with the BERT no_decay split, skipped when
#   weight_decay is 0; the only call passes WEIGHT_DECAY = 0. (as the real train.py does), so the whole decay
#   branch is dead code (WD303).
import torch
import torch.nn as nn
from transformers import AdamW, get_linear_schedule_with_warmup

from dataset import get_loader, get_test_loader
from model import get_model
from tokenizer import get_tokenizer, tokenize

device = torch.device('cuda')


def get_optimizer(model, lr, train_steps, warmup_steps, weight_decay, adam_epsilon):
    if weight_decay > 0:  # expect: WD303
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)], "weight_decay": weight_decay},
            {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)], "weight_decay": 0.0}]
    else:
        optimizer_grouped_parameters = model.parameters()
    optimizer = AdamW(optimizer_grouped_parameters, lr=lr, eps=adam_epsilon)
    lr_scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=warmup_steps, num_training_steps=train_steps)
    return optimizer, lr_scheduler


def train_model(model, dataset, optimizer, lr_scheduler, tokenizer, epochs):
    model.train()
    for epoch in range(epochs):
        for j, (high_story, low_story, targets, margins) in enumerate(dataset):
            optimizer.zero_grad()
            targets = targets.to(device)
            high_story = tokenize(tokenizer, high_story)
            low_story = tokenize(tokenizer, low_story)
            score1, _, _, _ = model(input_ids=high_story['input_ids'].to(device), attention_masks=high_story['attention_mask'].to(device))
            score2, _, _, _ = model(input_ids=low_story['input_ids'].to(device), attention_masks=low_story['attention_mask'].to(device))
            overall_score_loss = 0
            for i in range(len(score1)):
                overall_score_loss += max(0, -1 * targets[i] * (score1[i] - score2[i]) + 0.3)
            loss = overall_score_loss
            loss.backward()
            optimizer.step()
            lr_scheduler.step()
        torch.save(model.module.state_dict(), f'model/{epoch}.pt')


def main():
    batch_size = 16
    dataset = get_loader(batch_size)
    model = get_model()
    model = model.to(device)
    model = nn.DataParallel(model)
    LR = 4e-5
    ADAM_EPSILON = 1e-8
    WEIGHT_DECAY = 0.
    WARMUP_PROPORTION = 0.2

    EPOCH = 5
    TRAIN_STEP = EPOCH * (len(dataset) + 1)
    WARMUP_STEP = TRAIN_STEP * WARMUP_PROPORTION

    optimizer, lr_scheduler = get_optimizer(model=model, lr=LR, train_steps=TRAIN_STEP, warmup_steps=WARMUP_STEP, weight_decay=WEIGHT_DECAY, adam_epsilon=ADAM_EPSILON)
    tokenizer = get_tokenizer()
    train_model(model, dataset, optimizer, lr_scheduler, tokenizer, EPOCH)


if __name__ == "__main__":
    main()
