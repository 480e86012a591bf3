# Idiom seen in: Koorye/pytorch-tutorial 09.02.learning_pytorch_with_examples.py
# What it reproduces: the "learning PyTorch with examples" polynomial fit (nn.Sequential(Linear(3, 1),
#   Flatten), features x, x^2, x^3) moved to torch.optim.SGD with a weight decay constant typed as 5e3
#   instead of 5e-3: plain SGD with lr * wd = 5 flips and grows the weights each step (WD301 on the value); the one
#   group also decays the Linear bias (WD203).
import math

import torch

LEARNING_RATE = 1e-3
WEIGHT_DECAY = 5e3  # expect: WD301

x = torch.linspace(-math.pi, math.pi, 2000)
y = torch.sin(x)
p = torch.tensor([1, 2, 3])
xx = x.unsqueeze(-1).pow(p)

model = torch.nn.Sequential(
    torch.nn.Linear(3, 1),
    torch.nn.Flatten(0, 1),
)
loss_fn = torch.nn.MSELoss(reduction='mean')
optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)  # expect: WD203

for t in range(2000):
    y_pred = model(xx)
    loss = loss_fn(y_pred, y)
    if t % 100 == 99:
        print(t, loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

linear_layer = model[0]
print(f'Result: y = {linear_layer.bias.item()} + {linear_layer.weight[:, 0].item()} x + '
      f'{linear_layer.weight[:, 1].item()} x^2 + {linear_layer.weight[:, 2].item()} x^3')
