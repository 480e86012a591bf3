# Idiom seen in: liujh168/pytorch-tutorial notebooks/02_nn_module_training.ipynb
# Idiom seen in: liujh168/pytorch-tutorial examples/06_optimizers_comparison.py
# What it reproduces: the notebook's exercise "implement L2 regularization by hand and compare it with
#   weight_decay", done by adding l2_lambda * sum(p.pow(2).sum()) to the loss while the SGD still has
#   weight_decay=1e-4: every parameter is decayed twice (WD201); the single group also decays biases (WD203).
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

torch.manual_seed(42)
X = torch.randn(500, 20)
y = (X[:, :5].sum(dim=1) > 0).long()
loader = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True, num_workers=0)

model = nn.Sequential(
    nn.Linear(20, 64), nn.ReLU(),
    nn.Linear(64, 32), nn.ReLU(),
    nn.Linear(32, 2),
).to(device)
criterion = nn.CrossEntropyLoss()
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)  # expect: WD203
l2_lambda = 1e-4

history = []
for epoch in range(30):
    model.train()
    epoch_loss = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad()
        l2_norm = sum(p.pow(2).sum() for p in model.parameters())  # expect: WD201
        loss = criterion(model(xb), yb) + l2_lambda / 2 * l2_norm
        loss.backward()
        opt.step()
        epoch_loss += loss.item()
    history.append(epoch_loss / len(loader))
    print(f"epoch {epoch:2d}  loss {history[-1]:.4f}")
