# Idiom seen in: poetrilin/pinn-related convection/train.py
# What it reproduces: the repo's train_adam for the convection PINN; the user adds weight_decay
#   to torch.optim.Adam (coupled L2, also on every bias) AND keeps an explicit L2 penalty on all
#   parameters in loss_function, so the same weights are decayed twice.
import os
import sys

import torch
from tqdm import tqdm

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
from models import get_model
from settings import BETA, SEED, LR, EPOCHS, WEIGHT_DECAY, L2_LAMBDA
from utils import set_seed, generate_data

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
set_seed(seed=SEED)


def loss_function(model, x, t, x_lower, t_lower, x_left, t_left, x_right, t_right):
    x.requires_grad_(True)
    t.requires_grad_(True)
    u = model(torch.cat((x, t), dim=1))
    u_x, u_t = torch.autograd.grad(u, [x, t], grad_outputs=torch.ones_like(u), create_graph=True)
    loss_res = torch.mean((u_t + BETA * u_x) ** 2)
    loss_ic = torch.mean((model(torch.cat((x_lower, t_lower), dim=1)) - torch.sin(x_lower)) ** 2)
    loss_bc = torch.mean((model(torch.cat((x_left, t_left), dim=1))
                          - model(torch.cat((x_right, t_right), dim=1))) ** 2)
    l2 = sum(p.pow(2).sum() for p in model.parameters())  # expect: WD201
    return loss_res + 0.1 * loss_bc + 0.05 * loss_ic + L2_LAMBDA * l2


def train_adam(model, data, *, epochs=EPOCHS, lr=LR, verbose=True):
    loss_list = []
    optimizer = torch.optim.Adam(
        model.parameters(),  # expect: WD203
        lr=lr,
        weight_decay=WEIGHT_DECAY,  # expect: WD202
    )
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs, eta_min=1e-8)
    for epoch in tqdm(range(1, epochs + 1), total=epochs, desc="Training with Adam"):
        optimizer.zero_grad()
        loss = loss_function(model, *data)
        loss.backward()
        optimizer.step()
        scheduler.step()
        loss_list.append(loss.item())
        if epoch % 1000 == 0 and verbose:
            print(f"Adam Epoch {epoch}, Loss: {loss.item():.6e}")
    return model, loss_list


if __name__ == "__main__":
    model = get_model(model_name="pinn", input_dim=2, output_dim=1, activation="tanh").to(device)
    data = generate_data(1500, 300, device=device)
    model, losses = train_adam(model, data)
    torch.save(model.state_dict(), f"trained_models/pinn-beta-{BETA}.pth")
