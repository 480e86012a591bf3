# Idiom seen in: jmisilo/offensive-language-classificator src/utils/config.py; teivng/bayesian_dpddm bayesian_dpddm/configs/train_configs.py
# What it reproduces: hyperparameters in a `@dataclass Config` (weight_decay: float = 0.01) and the optimizer
# built from `config.weight_decay`, split by name into decayed weights and undecayed biases/LayerNorm; AdamW (clean).
from dataclasses import dataclass

import torch
import torch.nn as nn
from transformers import AutoModel, get_linear_schedule_with_warmup

from data import get_loaders


@dataclass
class Config:
    model_name: str = 'distilroberta-base'
    batch_size: int = 16
    learning_rate: float = 2e-5
    epochs: int = 3
    warmup_steps: int = 500
    weight_decay: float = 0.01
    max_norm: float = 2.0


class Classifier(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(config.model_name)
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(self.encoder.config.hidden_size, 2)

    def forward(self, input_ids, attention_mask):
        h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state[:, 0]
        return self.head(self.dropout(h))


def get_optimizer(config, model):
    no_decay = ('bias', 'LayerNorm.weight')
    decay, skip = [], []
    for name, param in model.named_parameters():
        if name.endswith(no_decay):
            skip.append(param)
        else:
            decay.append(param)
    groups = [{'params': decay, 'weight_decay': config.weight_decay},
              {'params': skip, 'weight_decay': 0.0}]
    return torch.optim.AdamW(groups, lr=config.learning_rate)


if __name__ == '__main__':
    config = Config()
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train_loader, valid_loader = get_loaders(config.model_name, config.batch_size)
    model = Classifier(config).to(device)
    optimizer = get_optimizer(config, model)
    scheduler = get_linear_schedule_with_warmup(optimizer, config.warmup_steps, config.epochs * len(train_loader))
    for epoch in range(config.epochs):
        model.train()
        for batch in train_loader:
            logits = model(batch['input_ids'].to(device), batch['attention_mask'].to(device))
            loss = nn.functional.cross_entropy(logits, batch['labels'].to(device))
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), config.max_norm)
            optimizer.step()
            scheduler.step()
        print(f'epoch {epoch} loss {loss.item():.4f}')
