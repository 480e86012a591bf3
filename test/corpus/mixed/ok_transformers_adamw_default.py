# Idiom seen in: rajnish93/Python-Code-Snippet Optimizer-and-loss.py
# What it reproduces: the BERT fine-tuning recipe "optimizer = AdamW(model.parameters(), lr=2e-5, correct_bias=False)"
#   with transformers' own AdamW, whose weight_decay defaults to 0.0 (unlike torch.optim.AdamW's 0.01), plus a linear
#   warmup schedule. Clean: no decay at all, so nothing is decayed on biases or LayerNorm and nothing is coupled.
import numpy as np
import torch
from torch import nn
from transformers import AdamW, BertModel, get_linear_schedule_with_warmup

from data import create_data_loader

PRE_TRAINED_MODEL_NAME = "bert-base-cased"
EPOCHS = 10
BATCH_SIZE = 16
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


class SentimentClassifier(nn.Module):
    def __init__(self, n_classes):
        super(SentimentClassifier, self).__init__()
        self.bert = BertModel.from_pretrained(PRE_TRAINED_MODEL_NAME)
        self.drop = nn.Dropout(p=0.3)
        self.out = nn.Linear(self.bert.config.hidden_size, n_classes)

    def forward(self, input_ids, attention_mask):
        pooled_output = self.bert(input_ids=input_ids, attention_mask=attention_mask).pooler_output
        return self.out(self.drop(pooled_output))


def train_epoch(model, data_loader, loss_fn, optimizer, scheduler, n_examples):
    model = model.train()
    losses, correct_predictions = [], 0
    for d in data_loader:
        input_ids = d["input_ids"].to(device)
        attention_mask = d["attention_mask"].to(device)
        targets = d["targets"].to(device)
        outputs = model(input_ids=input_ids, attention_mask=attention_mask)
        _, preds = torch.max(outputs, dim=1)
        loss = loss_fn(outputs, targets)
        correct_predictions += torch.sum(preds == targets)
        losses.append(loss.item())
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
    return correct_predictions.double() / n_examples, np.mean(losses)


if __name__ == "__main__":
    train_data_loader, n_train = create_data_loader("reviews_train.csv", PRE_TRAINED_MODEL_NAME, BATCH_SIZE)
    model = SentimentClassifier(n_classes=3).to(device)
    optimizer = AdamW(model.parameters(), lr=2e-5, correct_bias=False)
    total_steps = len(train_data_loader) * EPOCHS
    scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=0, num_training_steps=total_steps)
    loss_fn = nn.CrossEntropyLoss().to(device)
    for epoch in range(EPOCHS):
        train_acc, train_loss = train_epoch(model, train_data_loader, loss_fn, optimizer, scheduler, n_train)
        print(f"Epoch {epoch + 1}/{EPOCHS} train loss {train_loss} accuracy {train_acc}")
