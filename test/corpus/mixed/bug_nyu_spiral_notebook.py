# Idiom seen in: Atcold/NYU-DLSP20 04-spiral_classification.ipynb
# What it reproduces: nbconvert export of the spiral notebook's "built-in L2" cells:
# SGD(model.parameters(), weight_decay=lambda_l2) then Adam(...) on a rebound `model`; both decay the
# biases (WD203) and the Adam one is coupled L2 (WD202).
#!/usr/bin/env python
# coding: utf-8

# In[1]:

import random
import torch
from torch import nn, optim
import math
from IPython import display

# In[2]:

from res.plot_lib import plot_data, plot_model, set_default

# In[3]:

set_default()

# In[4]:

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")

# In[5]:

seed = 12345
random.seed(seed)
torch.manual_seed(seed)
N = 1000  # num_samples_per_class
D = 2  # dimensions
C = 3  # num_classes
H = 100  # num_hidden_units

# In[6]:

X = torch.zeros(N * C, D).to(device)
y = torch.zeros(N * C, dtype=torch.long).to(device)
for c in range(C):
    index = 0
    t = torch.linspace(0, 1, N)
    inner_var = torch.linspace(
        (2 * math.pi / C) * (c),
        (2 * math.pi / C) * (2 + c),
        N
    ) + torch.randn(N) * 0.2
    for ix in range(N * c, N * (c + 1)):
        X[ix] = t[index] * torch.FloatTensor((
            math.sin(inner_var[index]), math.cos(inner_var[index])
        ))
        y[ix] = c
        index += 1

print("Shapes:")
print("X:", tuple(X.size()))
print("y:", tuple(y.size()))

# In[7]:

plot_data(X, y)

# ### Linear model

# In[8]:

learning_rate = 1e-3
lambda_l2 = 1e-5

# In[9]:

model = nn.Sequential(
    nn.Linear(D, H),
    nn.Linear(H, C)
)
model.to(device)

criterion = torch.nn.CrossEntropyLoss()

optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate, weight_decay=lambda_l2)  # built-in L2  # expect: WD203

for t in range(1000):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    score, predicted = torch.max(y_pred, 1)
    acc = (y == predicted).sum().float() / len(y)
    print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % (t, loss.item(), acc))
    display.clear_output(wait=True)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# In[10]:

print(model)
plot_model(X, y, model)

# ### Two-layered network

# In[11]:

learning_rate = 1e-3
lambda_l2 = 1e-5

# In[12]:

model = nn.Sequential(
    nn.Linear(D, H),
    nn.ReLU(),
    nn.Linear(H, C)
)
model.to(device)

criterion = torch.nn.CrossEntropyLoss()

optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate, weight_decay=lambda_l2)  # built-in L2  # expect: WD202, WD203

for t in range(1000):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    score, predicted = torch.max(y_pred, 1)
    acc = (y == predicted).sum().float() / len(y)
    print("[EPOCH]: %i, [LOSS]: %.6f, [ACCURACY]: %.3f" % (t, loss.item(), acc))
    display.clear_output(wait=True)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# In[13]:

print(model)
plot_model(X, y, model)
