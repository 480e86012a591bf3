# Idiom seen in: DLR-RM/TMNF configs/flowDet/train/onlyFlow_voc/oF_frcnn_voc_rnvp_logits_rbf_cls.py
# What it reproduces: a normalizing-flow density trainer whose config dict says optm Adam + weight_decay,
#   and whose batch loop ALSO adds a torch.norm penalty over every parameter (as in a RealNVP recommender
#   trainer found by find_string, and the discuss.pytorch.org "implement l2 manually" thread): double decay.
# label-note (placement, after the first run): WD203 moved from the weight_decay= line to the params
#   argument's line, where docs/rules/WD203.md reports it; the verdicts are unchanged.
# label-note: Adam(weight_decay=1e-6) on all params -> WD202 + WD203 on the weight_decay line. The penalty
#   covers the same params -> WD201 where it enters the loss; it also covers every bias of the coupling
#   nets -> WD203 on the accumulation line (SPEC gives WD203 placement only for optimizers; most natural line).

import numpy as np
import torch

import flow_args
from flows.realnvp import AffineCoupling, RealNVP
from flows.data import density_loaders

device = "cuda" if torch.cuda.is_available() else "cpu"


def build_flow(dim, hidden, n_layers):
    blocks = [AffineCoupling("left" if i % 2 == 0 else "right", dim, hidden, n_layers) for i in range(5)]
    return RealNVP(blocks).to(device)


def fit_density(config):
    train_loader, val_loader, dim = density_loaders(config["data"], config["batch_size"])
    flow = build_flow(dim, config["hidden"], config["n_layers"])
    optimizer = torch.optim.Adam(params=flow.parameters(), lr=config["lr"],  # expect: WD203
                                 weight_decay=config["weight_decay"])  # expect: WD202

    best, patience = np.inf, 0
    for epoch in range(config["epochs"]):
        flow.train()
        for x in train_loader:
            x = x.to(device)
            optimizer.zero_grad()
            l2_reg = torch.tensor([0.0], device=device)
            for param in flow.parameters():
                l2_reg = l2_reg + torch.norm(param)  # expect: WD203
            loss = flow.nll(x) + l2_reg * config["l2_penalty"]  # expect: WD201
            loss.backward()
            optimizer.step()

        flow.eval()
        with torch.no_grad():
            val = sum(flow.nll(x.to(device)).item() for x in val_loader) / len(val_loader)
        if val < best:
            best, patience = val, 0
            torch.save(flow.state_dict(), "best_flow.pt")
        else:
            patience += 1
            if patience > config["patience"]:
                break
    return best


if __name__ == "__main__":
    args = flow_args.parse_args()
    config = {
        "data": args.data,
        "epochs": 1000,
        "patience": 5,
        "lr": 5e-4,
        "batch_size": 1024,
        "hidden": 512,
        "n_layers": 3,
        "l2_penalty": 1e-4,
        "weight_decay": 1e-6,
    }
    print("best val nll:", fit_density(config))
