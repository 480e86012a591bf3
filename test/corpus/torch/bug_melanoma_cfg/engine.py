# Idiom seen in: Med-Amine-saighi/SIIM-ISIC-Melanoma-Classification src/engine.py
# What it reproduces: train_fn/valid_fn helpers taking the model, the criterion and the optimizer;
#   the loss that is backpropagated is the bare cross entropy (the decay comes only from Adam).
import numpy as np
import torch

import CFG


def train_fn(fold, train_loader, model, criterion, optimizer, epoch, scheduler, device):
    model.train()
    losses = []
    for step, (images, labels) in enumerate(train_loader):
        images = images.to(device)
        labels = labels.to(device)
        y_preds = model(images)
        loss = criterion(y_preds, labels)
        if CFG.gradient_accumulation_steps > 1:
            loss = loss / CFG.gradient_accumulation_steps
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), CFG.max_grad_norm)
        if (step + 1) % CFG.gradient_accumulation_steps == 0:
            optimizer.step()
            optimizer.zero_grad()
        losses.append(loss.item())
    return float(np.mean(losses))


@torch.no_grad()
def valid_fn(valid_loader, model, criterion, device):
    model.eval()
    losses, preds = [], []
    for images, labels in valid_loader:
        images = images.to(device)
        labels = labels.to(device)
        y_preds = model(images)
        losses.append(criterion(y_preds, labels).item())
        preds.append(y_preds.softmax(1).cpu().numpy())
    return float(np.mean(losses)), np.concatenate(preds)
