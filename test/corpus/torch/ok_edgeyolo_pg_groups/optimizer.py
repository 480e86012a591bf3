# Idiom seen in: LSH9832/edgeyolo edgeyolo/train/optimizer.py
# What it reproduces: the YOLO pg0/pg1/pg2 split: BatchNorm weights (pg0) and all biases (pg2) get no decay,
#   only conv/linear weights (pg1) get weight_decay; the first non-empty group creates the optimizer and the
#   others are added with add_param_group. The Adam variant only exists for optimizer_type "adam".
from torch import nn
from torch.optim import SGD, Adam
from loguru import logger

OPTIMIZER = {
    "sgd": SGD,
    "adam": Adam
}


def get_optimizer(model, lr, momentum=0.9, weight_decay=5e-4, train_backbone=True, head_layer_num=0,
                  optimizer_type="SGD"):
    optimizer_type = optimizer_type.lower()
    if optimizer_type not in ["sgd", "adam"]:
        logger.error(f"no optimizer type named {optimizer_type}, use default optimizer SGD.")
        optimizer_type = "sgd"

    pg0, pg1, pg2 = [], [], []  # optimizer parameter groups
    for k, v in model.named_modules():
        if "." not in k:
            continue
        _, layer_num, *_ = k.split(".")
        if not train_backbone and int(layer_num) < head_layer_num:
            continue
        if hasattr(v, "bias") and isinstance(v.bias, nn.Parameter):
            pg2.append(v.bias)  # biases
        if isinstance(v, nn.BatchNorm2d) or isinstance(v, nn.BatchNorm1d) or "bn" in k:
            pg0.append(v.weight)  # no decay
        elif hasattr(v, "weight") and isinstance(v.weight, nn.Parameter):
            pg1.append(v.weight)  # apply decay

    if optimizer_type == "sgd":
        usual_params = {"lr": lr, "momentum": momentum, "nesterov": True}
    else:
        usual_params = {"lr": lr, "betas": (momentum, 0.999)}
    group_lists = [
        {"params": pg0},
        {"params": pg1, "weight_decay": weight_decay},
        {"params": pg2}
    ]
    optimizer = None
    for params_group in group_lists:
        if optimizer is None:
            if not len(params_group["params"]):
                continue
            optimizer = OPTIMIZER[optimizer_type](**params_group, **usual_params)
        else:
            optimizer.add_param_group(params_group)
    assert optimizer is not None
    return optimizer
