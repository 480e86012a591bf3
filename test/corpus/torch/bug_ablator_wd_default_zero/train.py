# Idiom seen in: fostiropoulos/ablator ablator/modules/optimizer.py
# What it reproduces: ablator-style optimizer config classes whose get_optim_parameters() builds decay/no-decay
#   groups under `if weight_decay is not None:`; the only config built leaves weight_decay at its 0.0 default,
#   so every call hands the helper 0.0 and the decay machinery is dead (user thought SGDConfig decays by default).
import torch
from torch import nn

from optimizer import OptimizerConfig
from tabular_data import make_loaders

CONFIG = {
    "epochs": 20,
    "batch_size": 256,
    "optim": {"name": "sgd", "arguments": {"lr": 0.05, "momentum": 0.9}},
}


class TabularNet(nn.Module):
    def __init__(self, n_cat, n_num, emb_dim=16, hidden=128, n_out=2):
        super().__init__()
        self.embedding = nn.Embedding(n_cat, emb_dim)
        self.norm_layer = nn.LayerNorm(emb_dim + n_num)
        self.fc1 = nn.Linear(emb_dim + n_num, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, cat, num):
        x = torch.cat([self.embedding(cat), num], dim=-1)
        return self.fc2(torch.relu(self.fc1(self.norm_layer(x))))


def main():
    train_loader, val_loader, meta = make_loaders(CONFIG["batch_size"])
    model = TabularNet(meta["n_cat"], meta["n_num"])
    optim_config = OptimizerConfig(CONFIG["optim"]["name"], CONFIG["optim"]["arguments"])
    optimizer = optim_config.make_optimizer(model)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(CONFIG["epochs"]):
        model.train()
        for cat, num, y in train_loader:
            optimizer.zero_grad()
            loss = criterion(model(cat, num), y)
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            acc = sum((model(c, n).argmax(-1) == y).float().mean().item() for c, n, y in val_loader)
        print(f"epoch {epoch}: val acc {acc / len(val_loader):.4f}")


if __name__ == "__main__":
    main()
