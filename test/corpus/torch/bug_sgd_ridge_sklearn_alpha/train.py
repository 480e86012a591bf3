# Idiom seen in: ZhaoShuai2332/torch_class models/SGDLogistic.py
# What it reproduces: realistic mistake in the course idiom (the repo used 1e-4): the ridge strength
#   is copied from the sklearn baseline (Ridge(alpha=2.0)) straight into SGD's weight_decay, while the
#   assignment runs full-batch plain gradient descent (momentum=0.0) with lr=0.5: lr*wd = 1.0, so the
#   decay alone zeroes the weights every step (WD301 at the constant).
import numpy as np
import torch
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

from models import SGDRidge

LR = 0.5  # full batch, standardized features
ALPHA = 2.0  # same ridge strength as the sklearn baseline below  # expect: WD301
EPOCHS = 300

X, y = load_diabetes(return_X_y=True)
X = StandardScaler().fit_transform(X)
y = (y - y.mean()) / y.std()

baseline = Ridge(alpha=ALPHA).fit(X, y)
print('sklearn ridge R^2:', baseline.score(X, y))

X_t = torch.tensor(X, dtype=torch.float32)
y_t = torch.tensor(y, dtype=torch.float32)

model = SGDRidge(in_features=X.shape[1])
optimizer = model.get_optimizer(learning_rate=LR, momentum=0.0, weight_decay=ALPHA)
criterion = model.get_loss_function()
scheduler = model.get_scheduler(optimizer)

for epoch in range(EPOCHS):
    optimizer.zero_grad()
    loss = criterion(model(X_t), y_t)
    loss.backward()
    optimizer.step()
    scheduler.step()
    if epoch % 50 == 0:
        print(f'epoch {epoch}: mse {loss.item():.4f}')

with torch.no_grad():
    pred = model(X_t).numpy()
print('torch R^2:', 1 - np.sum((pred - y) ** 2) / np.sum((y - y.mean()) ** 2))
