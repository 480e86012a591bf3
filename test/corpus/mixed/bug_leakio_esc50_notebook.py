#!/usr/bin/env python
# coding: utf-8
# Idiom seen in: zhangvicto/Leakio software/neural_net/neural_net.py
# What it reproduces: a notebook exported with nbconvert: ESC-50-style sound classification (here leak / no
#   leak) with a pretrained ResNet34 on mel spectrograms, setlr/lr_decay helpers and a train() cell. Realistic
#   mistake in that idiom: a get_optimizer helper whose decay branch (AdamW with a no-decay group) is guarded
#   by `if weight_decay:`, but every cell calls it with the default 0.0 or weight_decay=0, so the decay code
#   never runs (WD303).

# In[1]:


import os
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchaudio
from torchvision.models import resnet34
import IPython.display as ipd
import matplotlib.pyplot as plt

get_ipython().run_line_magic('matplotlib', 'inline')


# In[4]:


from leak_dataset import train_loader, valid_loader

device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')


# In[7]:


resnet_model = resnet34(pretrained=True)
resnet_model.fc = nn.Linear(512, 2)
resnet_model.conv1 = nn.Conv2d(1, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)
resnet_model = resnet_model.to(device)


# In[8]:


def get_optimizer(model, lr, weight_decay=0.0):
    if weight_decay:  # expect: WD303
        decay = [p for n, p in model.named_parameters() if p.ndim > 1]
        no_decay = [p for n, p in model.named_parameters() if p.ndim <= 1]
        return optim.AdamW([{'params': decay, 'weight_decay': weight_decay},
                            {'params': no_decay, 'weight_decay': 0.0}], lr=lr)
    return optim.Adam(model.parameters(), lr=lr)


def setlr(optimizer, lr):
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr
    return optimizer


def lr_decay(optimizer, epoch):
    if epoch % 10 == 0:
        new_lr = learning_rate / (10 ** (epoch // 10))
        optimizer = setlr(optimizer, new_lr)
        print(f'Changed learning rate to {new_lr}')
    return optimizer


# In[9]:


def train(model, loss_fn, train_loader, valid_loader, epochs, optimizer, train_losses, valid_losses, change_lr=None):
    for epoch in range(1, epochs + 1):
        model.train()
        batch_losses = []
        if change_lr:
            optimizer = change_lr(optimizer, epoch)
        for x, y in train_loader:
            optimizer.zero_grad()
            x = x.to(device, dtype=torch.float32)
            y = y.to(device, dtype=torch.long)
            y_hat = model(x)
            loss = loss_fn(y_hat, y)
            loss.backward()
            batch_losses.append(loss.item())
            optimizer.step()
        train_losses.append(batch_losses)
        print(f'Epoch - {epoch} Train-Loss : {np.mean(train_losses[-1])}')
        model.eval()
        batch_losses = []
        with torch.no_grad():
            for x, y in valid_loader:
                y_hat = model(x.to(device, dtype=torch.float32))
                batch_losses.append(loss_fn(y_hat, y.to(device, dtype=torch.long)).item())
        valid_losses.append(batch_losses)
        print(f'Epoch - {epoch} Valid-Loss : {np.mean(valid_losses[-1])}')


# In[10]:


learning_rate = 2e-4
optimizer = get_optimizer(resnet_model, learning_rate)
epochs = 50
loss_fn = nn.CrossEntropyLoss()
resnet_train_losses = []
resnet_valid_losses = []


# In[11]:


train(resnet_model, loss_fn, train_loader, valid_loader, epochs, optimizer,
      resnet_train_losses, resnet_valid_losses, lr_decay)


# In[15]:


# second round: fine-tune with a smaller lr
optimizer = get_optimizer(resnet_model, learning_rate / 10, weight_decay=0)
train(resnet_model, loss_fn, train_loader, valid_loader, 10, optimizer, resnet_train_losses, resnet_valid_losses)
torch.save(resnet_model.state_dict(), 'leak_resnet34.pth')
