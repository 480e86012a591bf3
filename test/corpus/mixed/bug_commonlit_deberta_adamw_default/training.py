# Idiom seen in: paolorechia/common-lit-kaggle common_lit_kaggle/modeling/training.py
# What it reproduces: optim.AdamW(model.parameters(), lr=...) without weight_decay= uses
# torch's default 0.01 on every DeBERTa parameter, LayerNorm weights and biases included.
import logging

from torch import nn, optim
from tqdm import tqdm

from common_lit_kaggle.settings.config import Config

from .deberta import DebertaWithRegressionHead

logger = logging.getLogger(__name__)


def train_epoch(dataloader, model, optimizer, scheduler, criterion):
    config = Config.get()
    total_loss = 0.0
    for idx, (input_tensor, target_tensor) in enumerate(tqdm(dataloader), start=1):
        logits = model(input_tensor)
        loss = criterion(logits, target_tensor) / config.gradient_accumulation_steps
        loss.backward()
        if idx % config.gradient_accumulation_steps == 0:
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
        total_loss += loss.item() * config.gradient_accumulation_steps
    return total_loss / len(dataloader)


def train_model(train_dataloader, eval_dataloader=None):
    config = Config.get()
    model = DebertaWithRegressionHead(config.model)
    optimizer = optim.AdamW(model.parameters(), lr=config.learning_rate)  # expect: WD203
    criterion = nn.MSELoss()
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.1)

    for epoch in range(1, config.num_train_epochs + 1):
        loss = train_epoch(train_dataloader, model, optimizer, scheduler, criterion)
        logger.info("epoch %d train loss %.4f", epoch, loss)
    return model
