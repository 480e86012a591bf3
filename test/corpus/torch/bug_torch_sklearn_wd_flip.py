# Idiom seen in: shirishbahirat/pytorch sensitivity.py
# What it reproduces: sklearn make_regression numpy arrays cast to float tensors, a 1-feature
#   nn.Linear trained with plain optim.SGD. The decay constant lost its exponent (4.0 for 4e-4):
#   lr*wd = 0.5*4.0 = 2, so decay alone flips and grows the weights every step. Also decays the bias.
import numpy as np
import torch
import torch.nn as nn
from sklearn import datasets
import matplotlib.pyplot as plt

LEARNING_RATE = 0.5
WEIGHT_DECAY = 4.0  # expect: WD301
EPOCHS = 100

X_numpy, y_numpy = datasets.make_regression(n_samples=100, n_features=1, noise=20, random_state=4)
X_numpy = (X_numpy - X_numpy.mean()) / X_numpy.std()
y_numpy = (y_numpy - y_numpy.mean()) / y_numpy.std()

X = torch.from_numpy(X_numpy.astype(np.float32))
y = torch.from_numpy(y_numpy.astype(np.float32)).view(-1, 1)

n_samples, n_features = X.shape
model = nn.Linear(n_features, 1)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(
    model.parameters(),  # expect: WD203
    lr=LEARNING_RATE,
    weight_decay=WEIGHT_DECAY)

for epoch in range(EPOCHS):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if (epoch + 1) % 10 == 0:
        print(f"epoch {epoch + 1}: loss = {loss.item():.4f}, w = {model.weight.item():.4f}")

predicted = model(X).detach().numpy()
plt.plot(X_numpy, y_numpy, "ro")
plt.plot(X_numpy, predicted, "b")
plt.show()
