# Idiom seen in: osl202/PINNs train_pinn.py
# Idiom seen in: osl202/PINNs pinn.py
# What it reproduces: Burgers' PINN loss = lambda1*IC + lambda2*PDE residual + lambda3*BC; a user adds a
# weight-norm term to "keep the network smooth" (realistic edit) but subtracts it, so the optimizer is
# rewarded for growing the weights: a negative weight decay.
import numpy as np
import torch

import pinn

n_sample = 2000
nu = 0.01 / np.pi
lambda_w = 1e-5

pinn_model = pinn.Model(2, 1, 20, 5)

sample_space = np.random.uniform(low=-1, high=1, size=(n_sample,))
sample_time = np.random.uniform(low=0, high=1, size=(n_sample,))
sample_space = torch.tensor(sample_space, requires_grad=True).float().view(-1, 1)
sample_time = torch.tensor(sample_time, requires_grad=True).float().view(-1, 1)

optimiser = torch.optim.Adam(pinn_model.parameters(), lr=1e-3)

u_init_true = torch.sin(-sample_space * np.pi)
sample_init_time = torch.zeros(n_sample, requires_grad=True).view(-1, 1)
sample_init_space_lower = -1 * torch.ones(n_sample, requires_grad=True).view(-1, 1)
sample_init_space_upper = torch.ones(n_sample, requires_grad=True).view(-1, 1)

for i in range(10000):
    optimiser.zero_grad()
    lambda1, lambda2, lambda3 = 1, 1, 1

    input = torch.hstack([sample_space, sample_time])
    input_init = torch.hstack([sample_space, sample_init_time])
    input_bc_lower = torch.hstack([sample_init_space_lower, sample_time])
    input_bc_upper = torch.hstack([sample_init_space_upper, sample_time])

    u_pred = pinn_model(input)
    u_init = pinn_model(input_init)
    u_bc_lower = pinn_model(input_bc_lower)
    u_bc_upper = pinn_model(input_bc_upper)

    loss_bc = torch.mean((u_bc_lower) ** 2) + torch.mean((u_bc_upper) ** 2)
    loss1 = torch.mean((u_init - u_init_true) ** 2)

    dudt_pred = torch.autograd.grad(u_pred, sample_time, torch.ones_like(u_pred), create_graph=True)[0]
    dudx_pred = torch.autograd.grad(u_pred, sample_space, torch.ones_like(u_pred), create_graph=True)[0]
    d2udx2_pred = torch.autograd.grad(dudx_pred, sample_space, torch.ones_like(u_pred), create_graph=True)[0]
    loss2 = torch.mean((dudt_pred + u_pred * dudx_pred - nu * d2udx2_pred) ** 2)

    weight_norm = sum(p.pow(2).sum() for p in pinn_model.parameters())
    loss = lambda1 * loss1 + lambda2 * loss2 + lambda3 * loss_bc - lambda_w * weight_norm  # expect: WD302
    loss.backward(retain_graph=True)
    optimiser.step()
    if i % 250 == 0:
        print("loss", i, loss.item(), "weight norm", weight_norm.item())

torch.save(pinn_model.state_dict(), "burgers_pinn.pt")
