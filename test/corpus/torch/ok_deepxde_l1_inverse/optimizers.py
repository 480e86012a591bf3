# Idiom seen in: lululxvi/deepxde deepxde/optimizers/pytorch/optimizers.py
# Idiom seen in: lululxvi/deepxde deepxde/model.py
# What it reproduces: DeepXDE's PyTorch optimizer factory: one optimizer per name, weight_decay passed
#   through (the caller gives the L2 factor of the network's regularizer, 0 when there is none).
import torch


def get(params, optimizer, learning_rate=None, decay=None, weight_decay=0):
    if isinstance(optimizer, torch.optim.Optimizer):
        optim = optimizer
    elif optimizer in ["L-BFGS", "L-BFGS-B"]:
        if weight_decay > 0:
            raise ValueError("L-BFGS optimizer doesn't support weight_decay > 0")
        optim = torch.optim.LBFGS(params, lr=1, max_iter=15000, tolerance_grad=1e-8,
                                  tolerance_change=0, history_size=100, line_search_fn="strong_wolfe")
    else:
        if learning_rate is None:
            raise ValueError("No learning rate for {}.".format(optimizer))
        if optimizer == "sgd":
            optim = torch.optim.SGD(params, lr=learning_rate, weight_decay=weight_decay)
        elif optimizer == "adam":
            optim = torch.optim.Adam(params, lr=learning_rate, weight_decay=weight_decay)
        elif optimizer == "adamw":
            if weight_decay == 0:
                raise ValueError("AdamW optimizer requires non-zero weight decay")
            optim = torch.optim.AdamW(params, lr=learning_rate, weight_decay=weight_decay)
        else:
            raise NotImplementedError(f"{optimizer} to be implemented for backend pytorch.")
    lr_scheduler = None
    if decay is not None and decay[0] == "step":
        lr_scheduler = torch.optim.lr_scheduler.StepLR(optim, step_size=decay[1], gamma=decay[2])
    return optim, lr_scheduler
