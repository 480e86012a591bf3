# Idiom seen in: Syed-A-Naqvi/Syed-A-Naqvi.github.io projects/README.md
# What it reproduces: fitting a noisy cubic with a linear model over numpy polynomial features; the
#   decay is set per parameter group on optim.SGD (weight decayed, bias not) and no hand-written L2
#   term is added to the loss. Clean.
import numpy as np
import torch
import torch.nn as nn
import matplotlib.pyplot as plt

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def f(x):
    return 0.7 * (x ** 3) - 7 * (x ** 2) + 1 * x + 5


x_np = np.linspace(-5, 11, 1000)
y_np = f(x_np) + 20 * np.random.randn(x_np.shape[0])
phi = np.stack([x_np ** 3, x_np ** 2, x_np], axis=1)
phi = (phi - phi.mean(0)) / phi.std(0)

X = torch.tensor(phi, dtype=torch.float32, device=device)
Y = torch.tensor(y_np, dtype=torch.float32, device=device).unsqueeze(1)

model = nn.Linear(3, 1).to(device)
optimizer = torch.optim.SGD([
    {"params": [model.weight], "weight_decay": 1e-3},
    {"params": [model.bias], "weight_decay": 0.0},
], lr=0.05)
criterion = nn.MSELoss()

for epoch in range(2000):
    idx = torch.randint(0, X.shape[0], (64,), device=device)
    optimizer.zero_grad()
    loss = criterion(model(X[idx]), Y[idx])
    loss.backward()
    optimizer.step()
    if epoch % 200 == 0:
        print(f"epoch {epoch}: loss {loss.item():.2f}")

with torch.no_grad():
    plt.scatter(x_np, y_np, s=2)
    plt.plot(x_np, model(X).cpu().numpy(), color="red")
    plt.savefig("fit.png")
