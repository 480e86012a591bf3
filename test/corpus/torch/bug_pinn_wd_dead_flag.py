# Idiom seen in: poetrilin/pinn-related convection/train.py
# Idiom seen in: poetrilin/pinn-related convection/settings.py
# What it reproduces: a PINN training script with an optimizer factory that builds AdamW decay/no-
#   decay groups only "if weight_decay > 0"; every call passes the settings' WEIGHT_DECAY = 0.0, so
#   the decay machinery is dead code although the script looks regularized.
import torch
import torch.nn as nn

BETA = 30.0
LR = 1e-3
EPOCHS = 20_000
WEIGHT_DECAY = 0.0


class PINN(nn.Module):
    def __init__(self, d_in=2, d_hidden=50, d_out=1, depth=4):
        super().__init__()
        layers = [nn.Linear(d_in, d_hidden), nn.Tanh()]
        for _ in range(depth - 1):
            layers += [nn.Linear(d_hidden, d_hidden), nn.Tanh()]
        layers.append(nn.Linear(d_hidden, d_out))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def make_optimizer(model, lr, weight_decay):
    if weight_decay > 0:  # expect: WD303
        decay = [p for p in model.parameters() if p.ndim > 1]
        no_decay = [p for p in model.parameters() if p.ndim <= 1]
        groups = [{"params": decay, "weight_decay": weight_decay},
                  {"params": no_decay, "weight_decay": 0.0}]
        return torch.optim.AdamW(groups, lr=lr)
    return torch.optim.Adam(model.parameters(), lr=lr)


def residual_loss(model, x, t):
    x.requires_grad_(True)
    t.requires_grad_(True)
    u = model(torch.cat((x, t), dim=1))
    u_x, u_t = torch.autograd.grad(u, [x, t], grad_outputs=torch.ones_like(u), create_graph=True)
    return torch.mean((u_t + BETA * u_x) ** 2)


def initial_loss(model, x0):
    t0 = torch.zeros_like(x0)
    return torch.mean((model(torch.cat((x0, t0), dim=1)) - torch.sin(x0)) ** 2)


def train(model, stage_epochs, lr):
    optimizer = make_optimizer(model, lr, weight_decay=WEIGHT_DECAY)
    for epoch in range(stage_epochs):
        x = 2 * torch.pi * torch.rand(2000, 1)
        t = torch.rand(2000, 1)
        x0 = 2 * torch.pi * torch.rand(256, 1)
        optimizer.zero_grad()
        loss = residual_loss(model, x, t) + 10.0 * initial_loss(model, x0)
        loss.backward()
        optimizer.step()
        if epoch % 2000 == 0:
            print(epoch, loss.item())
    return model


if __name__ == "__main__":
    model = PINN()
    model = train(model, EPOCHS // 2, LR)
    model = train(model, EPOCHS // 2, LR * 0.1)
    torch.save(model.state_dict(), "pinn_convection.pth")
