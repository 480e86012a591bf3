# Idiom seen in: Xpitfire/lighter examples/minerl/optimizers/defaults.py
# What it reproduces: an optimizer wrapper class (BaseOptimizer style) whose __init__ builds torch SGD from
# self.model.parameters() with momentum and weight_decay taken from the experiment config (5e-4 here, as the
# example JSON config would set it): conv/linear biases and BatchNorm affine params are decayed as well.
import torch
import torch.nn.functional as F

from config import CONFIG
from data_loader import get_minerl_loader
from models.policy import PolicyNet
from optimizers.defaults import Optimizer


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = PolicyNet(CONFIG["model"]["channels"], CONFIG["model"]["num_actions"]).to(device)
    optimizer = Optimizer(model, CONFIG)
    loader = get_minerl_loader(batch_size=CONFIG["trainer"]["batch_size"])
    for epoch in range(CONFIG["trainer"]["epochs"]):
        for obs, actions in loader:
            obs, actions = obs.to(device), actions.to(device)
            loss = F.cross_entropy(model(obs), actions)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print("epoch", epoch, "loss", loss.item())


if __name__ == "__main__":
    main()
