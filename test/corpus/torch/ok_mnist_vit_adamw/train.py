# Idiom seen in: tommyrharper/mnist-transformer train.py
# What it reproduces: a module-level script (model, loss_fn, optimizer at import time, then train(...)). Clean
#   variant of the repository's Adam(weight_decay=1e-5): AdamW with two groups, decay only on matrices/kernels;
#   biases, LayerNorm weights, the cls token and the position embeddings get weight_decay 0.0.
import torch
from torch import nn, optim

from transformer import VisionTransformer
from dataloader import train_dataloader, test_dataloader

model = VisionTransformer()
loss_fn = nn.CrossEntropyLoss()

no_decay_names = ("cls_token", "pos_embedding")
decay_params, no_decay_params = [], []
for name, param in model.named_parameters():
    if param.ndim < 2 or name in no_decay_names:
        no_decay_params.append(param)
    else:
        decay_params.append(param)

optimizer = optim.AdamW([
    {"params": decay_params, "weight_decay": 0.05},
    {"params": no_decay_params, "weight_decay": 0.0},
], lr=1e-3)
device = "mps" if torch.backends.mps.is_available() else "cuda" if torch.cuda.is_available() else "cpu"
print(f"Using {device} device")


def train(train_dataloader, test_dataloader, model, loss_fn, optimizer, device, num_epochs=10):
    model = model.to(device)
    scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=num_epochs)
    for epoch in range(num_epochs):
        model.train()
        train_loss = 0
        for images, labels in train_dataloader:
            images, labels = images.to(device), labels.to(device)
            digit_predictions = model(images)
            loss = sum(loss_fn(digit_predictions[i], labels[:, i]) for i in range(4)) / 4
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            train_loss += loss.item()
        scheduler.step()
        print(f"epoch {epoch + 1}: train loss {train_loss / len(train_dataloader):.4f}")


print('training...')
train(train_dataloader, test_dataloader, model, loss_fn, optimizer, device)
