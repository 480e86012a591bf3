# Idiom seen in: A1ex-Chen/DL_project_log ScooterDet/yolov5/utils/torch_utils_smart_optimizer.py (a vendored copy of
#   ultralytics/yolov5 utils/torch_utils.py smart_optimizer)
# What it reproduces: three parameter groups built by walking model.modules(): biases (no decay), normalization
#   weights (no decay) and all other weights; the optimizer is created on the bias group and the decayed weight
#   group is attached afterwards with add_param_group({'params': g[0], 'weight_decay': decay}).
# label-note: the grouping is careful (no WD203), but when the optimizer is Adam or RMSProp the decay attached by
#   add_param_group is coupled L2 under an adaptive optimizer: WD202 on that line. train.py exposes
#   --optimizer Adam, so the path is reachable (the default is SGD). AdamW/SGD branches are fine.
import logging

import torch
import torch.nn as nn

LOGGER = logging.getLogger("yolov5")


def smart_optimizer(model, name="Adam", lr=0.001, momentum=0.9, decay=1e-5):
    g = [], [], []  # optimizer parameter groups
    bn = tuple(v for k, v in nn.__dict__.items() if "Norm" in k)  # normalization layers, i.e. BatchNorm2d()
    for v in model.modules():
        for p_name, p in v.named_parameters(recurse=0):
            if p_name == "bias":  # bias (no decay)
                g[2].append(p)
            elif p_name == "weight" and isinstance(v, bn):  # weight (no decay)
                g[1].append(p)
            else:
                g[0].append(p)  # weight (with decay)

    if name == "Adam":
        optimizer = torch.optim.Adam(g[2], lr=lr, betas=(momentum, 0.999))  # adjust beta1 to momentum
    elif name == "AdamW":
        optimizer = torch.optim.AdamW(g[2], lr=lr, betas=(momentum, 0.999), weight_decay=0.0)
    elif name == "RMSProp":
        optimizer = torch.optim.RMSprop(g[2], lr=lr, momentum=momentum)
    elif name == "SGD":
        optimizer = torch.optim.SGD(g[2], lr=lr, momentum=momentum, nesterov=True)
    else:
        raise NotImplementedError(f"Optimizer {name} not implemented.")

    optimizer.add_param_group({"params": g[0], "weight_decay": decay})  # expect: WD202
    optimizer.add_param_group({"params": g[1], "weight_decay": 0.0})  # add g1 (BatchNorm2d weights)
    LOGGER.info(f"optimizer: {type(optimizer).__name__}(lr={lr}) with parameter groups "
                f"{len(g[1])} weight(decay=0.0), {len(g[0])} weight(decay={decay}), {len(g[2])} bias")
    return optimizer
