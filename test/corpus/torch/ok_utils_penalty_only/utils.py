# Idiom seen in: hanhanyuyuji/SW-Net-for-few-shot regularizationTest.py; dongchao980612/Python-task Testing/Testing04.py
# What it reproduces: `regularization_loss(model, lam)`, a `torch.norm(param) ** 2` loop over named_parameters()
# skipping biases, used by train.py as the only decay (the optimizer's weight_decay defaults to 0.0).
import torch


def regularization_loss(model, lam):
    reg = torch.tensor(0.0, device=next(model.parameters()).device)
    for name, param in model.named_parameters():
        if 'bias' in name:
            continue
        reg = reg + torch.norm(param) ** 2
    return lam * reg


def save_checkpoint(model, path):
    torch.save({'state_dict': model.state_dict()}, path)
