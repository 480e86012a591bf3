# Idiom seen in: angeluriot/Language_model dimgpt/training/optimizer.py
# What it reproduces: the Trainer that builds the model from another package, hands list(parameters)
#   to the AdamW subclass, and sets the cosine-with-warm-up lr by hand each step.
# label-note: clean (see optimizer.py).
import math

import torch

from settings import *
from optimizer import AdamW
from dimgpt_model import Model
from dimgpt_data import Dataset


class Trainer:

    def __init__(self, model: Model, dataset: Dataset):
        self.model = model
        self.dataset = dataset
        self.optimizer = AdamW(list(self.model.parameters()), MAX_LEARNING_RATE)
        self.step = 0

    def learning_rate(self) -> float:
        if self.step < WARMUP_STEPS:
            return MAX_LEARNING_RATE * (self.step + 1) / WARMUP_STEPS
        ratio = min((self.step - WARMUP_STEPS) / (DECAY_STEPS - WARMUP_STEPS), 1.0)
        return MIN_LEARNING_RATE + 0.5 * (1.0 + math.cos(math.pi * ratio)) * (MAX_LEARNING_RATE - MIN_LEARNING_RATE)

    def train_step(self) -> float:
        for group in self.optimizer.param_groups:
            group['lr'] = self.learning_rate()
        self.model.train()
        total = 0.0
        for _ in range(NUM_ACCUMULATIONS):
            x, y = self.dataset.next_batch(BATCH_SIZE, MAX_CONTEXT)
            logits = self.model(x.to(DEVICE))
            loss = torch.nn.functional.cross_entropy(logits.flatten(0, 1), y.to(DEVICE).flatten())
            (loss / NUM_ACCUMULATIONS).backward()
            total += loss.item() / NUM_ACCUMULATIONS
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), CLIP_GRADIENT)
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        self.step += 1
        return total

    def train(self, steps: int):
        for _ in range(steps):
            loss = self.train_step()
            if self.step % 100 == 0:
                print(f'step {self.step}: loss {loss:.4f}')


if __name__ == '__main__':
    Trainer(Model().to(DEVICE), Dataset('data/')).train(DECAY_STEPS)
