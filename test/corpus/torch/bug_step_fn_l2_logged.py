# Idiom seen in: VaheC/Pytorch_Study model_training/v5.py
# What it reproduces: the "make_train_step_fn" higher-order function pattern; the user adds an L2
# penalty inside the step, folds it into a total that is only returned for logging, and calls
# backward() on the bare MSE, so the penalty never reaches a gradient (the optimizer has no decay).
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.tensorboard import SummaryWriter

from data_preparation.v2 import train_loader, val_loader

device = 'cuda' if torch.cuda.is_available() else 'cpu'

lr = 0.1
l2_lambda = 1e-3

torch.manual_seed(42)
model = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1)).to(device)
optimizer = optim.SGD(model.parameters(), lr=lr)
loss_fn = nn.MSELoss(reduction='mean')


def make_train_step_fn(model, loss_fn, optimizer):
    def perform_train_step_fn(x, y):
        model.train()
        yhat = model(x)
        loss = loss_fn(yhat, y)
        l2_penalty = l2_lambda * sum(p.pow(2).sum() for p in model.parameters())  # expect: WD104
        total_loss = loss + l2_penalty
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        return total_loss.item()
    return perform_train_step_fn


def make_val_step_fn(model, loss_fn):
    def perform_val_step_fn(x, y):
        model.eval()
        yhat = model(x)
        return loss_fn(yhat, y).item()
    return perform_val_step_fn


def mini_batch(device, data_loader, step_fn):
    mini_batch_losses = []
    for x_batch, y_batch in data_loader:
        x_batch, y_batch = x_batch.to(device), y_batch.to(device)
        mini_batch_losses.append(step_fn(x_batch, y_batch))
    return np.mean(mini_batch_losses)


train_step_fn = make_train_step_fn(model, loss_fn, optimizer)
val_step_fn = make_val_step_fn(model, loss_fn)
writer = SummaryWriter('runs/simple_linear_regression')

n_epochs = 200
for epoch in range(n_epochs):
    loss = mini_batch(device, train_loader, train_step_fn)
    with torch.no_grad():
        val_loss = mini_batch(device, val_loader, val_step_fn)
    writer.add_scalars(main_tag='loss',
                       tag_scalar_dict={'training': loss, 'validation': val_loss},
                       global_step=epoch)
writer.close()
