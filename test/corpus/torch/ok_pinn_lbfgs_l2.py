# Idiom seen in: poetrilin/pinn-related poisson/train.py
# What it reproduces: the repo's Poisson PINN trained with L-BFGS and a closure; a small L2
#   penalty on the Linear weight matrices is part of the loss the closure backpropagates, and the
#   optimizer has no weight_decay of its own; clean.
import torch
import torch.nn as nn

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
L2_LAMBDA = 1e-6


class PINN(nn.Module):
    def __init__(self, d_in=2, d_hidden=64, d_out=1):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, d_hidden), nn.Tanh(),
            nn.Linear(d_hidden, d_hidden), nn.Tanh(),
            nn.Linear(d_hidden, d_out),
        )

    def forward(self, x):
        return self.net(x)


def f(x, y):
    return torch.sin(torch.pi * x) * torch.sin(torch.pi * y)


def weight_penalty(model):
    return sum(m.weight.pow(2).sum() for m in model.modules() if isinstance(m, nn.Linear))


def loss_function(model, x, y, boundary_x, boundary_y):
    x.requires_grad_(True)
    y.requires_grad_(True)
    u = model(torch.cat((x, y), dim=1))
    u_x, u_y = torch.autograd.grad(u, [x, y], grad_outputs=torch.ones_like(u), create_graph=True)
    u_xx = torch.autograd.grad(u_x, x, grad_outputs=torch.ones_like(u_x), create_graph=True)[0]
    u_yy = torch.autograd.grad(u_y, y, grad_outputs=torch.ones_like(u_y), create_graph=True)[0]
    equation_loss = torch.mean((u_xx + u_yy + f(x, y)) ** 2)
    boundary_loss = torch.mean(model(torch.cat((boundary_x, boundary_y), dim=1)) ** 2)
    return equation_loss + boundary_loss + L2_LAMBDA * weight_penalty(model)


def generate_data(n_inside, n_boundary):
    x = torch.rand(n_inside, 1, device=device)
    y = torch.rand(n_inside, 1, device=device)
    bx = torch.cat((torch.zeros(n_boundary, 1), torch.ones(n_boundary, 1),
                    torch.rand(n_boundary, 1), torch.rand(n_boundary, 1))).to(device)
    by = torch.cat((torch.rand(n_boundary, 1), torch.rand(n_boundary, 1),
                    torch.zeros(n_boundary, 1), torch.ones(n_boundary, 1))).to(device)
    return x, y, bx, by


def train_lbfgs(model, epochs=50, lr=0.1):
    x, y, bx, by = generate_data(1000, 200)
    optimizer = torch.optim.LBFGS(model.parameters(), lr=lr, line_search_fn="strong_wolfe")

    def closure():
        optimizer.zero_grad()
        loss = loss_function(model, x, y, bx, by)
        loss.backward()
        return loss

    for epoch in range(1, epochs + 1):
        optimizer.step(closure)
        if epoch % 5 == 0:
            print(f"Epoch {epoch}, Loss: {closure().item():.6e}")
    return model


if __name__ == "__main__":
    model = train_lbfgs(PINN().to(device))
    torch.save(model.state_dict(), "trained_models/pinn.pth")
