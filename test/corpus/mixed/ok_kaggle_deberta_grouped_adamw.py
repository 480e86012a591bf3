# Idiom seen in: JenAlchimowicz/Kaggle-EvaluateSummaries src/optimizer.py
# Idiom seen in: JenAlchimowicz/Kaggle-EvaluateSummaries src/train_functions.py
# What it reproduces: DeBERTa-v3 regressor trained under accelerate with torch AdamW over three groups (encoder weights decayed,
# encoder bias/LayerNorm at 0.0, head at 0.0); DeBERTa names its norms LayerNorm, so the split catches them. Clean (as in the repo).
import numpy as np
import torch
import torch.nn as nn
from accelerate import Accelerator
from torch.optim import AdamW
from transformers import AutoConfig, AutoModel

from configs.config import CFG
from dataloaders import get_dataloaders
from loss import MCRMSELoss


class SummaryRegressor(nn.Module):
    def __init__(self, model_name):
        super().__init__()
        self.config = AutoConfig.from_pretrained(model_name)
        self.model = AutoModel.from_pretrained(model_name)
        self.fc = nn.Linear(self.config.hidden_size, 2)

    def forward(self, batch):
        hidden = self.model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        return self.fc(pooled)


def get_optimizer_params(model, encoder_lr, decoder_lr, weight_decay=0.0):
    no_decay = ["bias", "LayerNorm.bias", "LayerNorm.weight"]
    optimizer_parameters = [
        {"params": [p for n, p in model.model.named_parameters() if not any(nd in n for nd in no_decay)],
         "lr": encoder_lr, "weight_decay": weight_decay},
        {"params": [p for n, p in model.model.named_parameters() if any(nd in n for nd in no_decay)],
         "lr": encoder_lr, "weight_decay": 0.0},
        {"params": [p for n, p in model.named_parameters() if "model" not in n],
         "lr": decoder_lr, "weight_decay": 0.0},
    ]
    return optimizer_parameters


def train_epoch(train_dataloader, optimizer, model, criterion, accelerator):
    model.train()
    epoch_mcrmse = []
    for batch in train_dataloader:
        labels = batch.pop("labels")
        optimizer.zero_grad()
        loss = criterion(model(batch), labels)
        accelerator.backward(loss["mcrmse"])
        optimizer.step()
        epoch_mcrmse.append(loss["mcrmse"].item())
    return float(np.mean(epoch_mcrmse))


def main(fold=0):
    accelerator = Accelerator(mixed_precision="fp16")
    model = SummaryRegressor(CFG.model_name)
    optimizer_parameters = get_optimizer_params(model, encoder_lr=CFG.encoder_lr,
                                                decoder_lr=CFG.decoder_lr, weight_decay=CFG.weight_decay)
    optimizer = AdamW(optimizer_parameters, lr=CFG.encoder_lr, eps=CFG.eps, betas=CFG.betas)
    train_dataloader, val_dataloader = get_dataloaders(fold, CFG)
    model, optimizer, train_dataloader = accelerator.prepare(model, optimizer, train_dataloader)
    criterion = MCRMSELoss()
    for epoch in range(CFG.epochs):
        print(f"fold {fold} epoch {epoch} mcrmse {train_epoch(train_dataloader, optimizer, model, criterion, accelerator):.4f}")
    torch.save(accelerator.unwrap_model(model).state_dict(), f"{CFG.output_dir}/fold{fold}.pt")


if __name__ == "__main__":
    main()
