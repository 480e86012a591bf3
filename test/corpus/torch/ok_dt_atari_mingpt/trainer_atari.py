# Idiom seen in: kzl/decision-transformer atari/mingpt/trainer_atari.py
# What it reproduces: TrainerConfig (weight_decay 0.1, betas (0.9, 0.95)) and Trainer.train() taking the
#   optimizer from raw_model.configure_optimizers(config) and training on the model's own loss. Clean.
import math

import torch
from torch.utils.data.dataloader import DataLoader


class TrainerConfig:
    max_epochs = 10
    batch_size = 64
    learning_rate = 3e-4
    betas = (0.9, 0.95)
    grad_norm_clip = 1.0
    weight_decay = 0.1
    lr_decay = False
    warmup_tokens = 375e6
    final_tokens = 260e9
    num_workers = 0

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)


class Trainer:
    def __init__(self, model, train_dataset, config):
        self.model = model
        self.train_dataset = train_dataset
        self.config = config
        self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
        self.model = torch.nn.DataParallel(self.model).to(self.device)

    def train(self):
        model, config = self.model, self.config
        raw_model = model.module if hasattr(self.model, "module") else model
        optimizer = raw_model.configure_optimizers(config)
        self.tokens = 0
        for epoch in range(config.max_epochs):
            model.train()
            loader = DataLoader(self.train_dataset, shuffle=True, pin_memory=True,
                                batch_size=config.batch_size, num_workers=config.num_workers)
            for x, y in loader:
                x, y = x.to(self.device), y.to(self.device)
                logits, loss = model(x, y, y)
                loss = loss.mean()
                model.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), config.grad_norm_clip)
                optimizer.step()
                if config.lr_decay:
                    self.tokens += (y >= 0).sum()
                    progress = float(self.tokens - config.warmup_tokens) / float(max(1, config.final_tokens - config.warmup_tokens))
                    lr_mult = max(0.1, 0.5 * (1.0 + math.cos(math.pi * progress)))
                    for param_group in optimizer.param_groups:
                        param_group['lr'] = config.learning_rate * lr_mult


if __name__ == '__main__':
    from model_atari import GPT, GPTConfig
    from create_dataset import StateActionReturnDataset
    train_dataset = StateActionReturnDataset.from_buffer('./dqn_replay', context_length=30)
    mconf = GPTConfig(train_dataset.vocab_size, train_dataset.block_size, n_layer=6, n_head=8,
                      n_embd=128, max_timestep=2654)
    model = GPT(mconf)
    tconf = TrainerConfig(max_epochs=5, batch_size=128, learning_rate=6e-4, lr_decay=True)
    Trainer(model, train_dataset, tconf).train()
