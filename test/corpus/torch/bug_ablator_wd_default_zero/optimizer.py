# Idiom seen in: fostiropoulos/ablator ablator/modules/optimizer.py
# What it reproduces: ablator-style optimizer config classes whose get_optim_parameters() builds decay/no-decay
#   groups under `if weight_decay is not None:`; the only config built leaves weight_decay at its 0.0 default,
#   so every call hands the helper 0.0 and the decay machinery is dead (user thought SGDConfig decays by default).
import dataclasses
import typing as ty

import torch
from torch import nn
from torch.optim import SGD, AdamW, Optimizer


def get_parameter_names(model: nn.Module, forbidden_layer_types: list):
    result = []
    for name, child in model.named_children():
        result += [
            f"{name}.{n}"
            for n in get_parameter_names(child, forbidden_layer_types)
            if not isinstance(child, tuple(forbidden_layer_types))
        ]
    result += list(model._parameters.keys())
    return result


def get_optim_parameters(model: nn.Module, weight_decay: ty.Optional[float] = None,
                         only_requires_grad: bool = True):
    params_to_update = {}
    for name, param in model.named_parameters():
        if param.requires_grad or not only_requires_grad:
            params_to_update[name] = param
    if weight_decay is not None:  # expect: WD303
        decay_parameters = get_parameter_names(model, [torch.nn.LayerNorm])
        decay_parameters = [n for n in decay_parameters if "bias" not in n and n in params_to_update]
        return [
            {"params": [p for n, p in params_to_update.items() if n in decay_parameters],
             "weight_decay": weight_decay},
            {"params": [p for n, p in params_to_update.items() if n not in decay_parameters],
             "weight_decay": 0.0},
        ]
    return list(params_to_update.values())


@dataclasses.dataclass
class SGDConfig:
    lr: float
    weight_decay: float = 0.0
    momentum: float = 0.0

    def init_optimizer(self, model: nn.Module) -> Optimizer:
        kwargs = dataclasses.asdict(self)
        weight_decay = getattr(self, "weight_decay", None)
        model_parameters = get_optim_parameters(model, weight_decay)
        return SGD(model_parameters, **kwargs)


@dataclasses.dataclass
class AdamWConfig:
    lr: float
    betas: ty.Tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    weight_decay: float = 0.0

    def init_optimizer(self, model: nn.Module) -> Optimizer:
        kwargs = dataclasses.asdict(self)
        weight_decay = getattr(self, "weight_decay", None)
        model_parameters = get_optim_parameters(model, weight_decay)
        return AdamW(model_parameters, **kwargs)


OPTIMIZER_CONFIG_MAP = {"adamw": AdamWConfig, "sgd": SGDConfig}


class OptimizerConfig:
    def __init__(self, name: str, arguments: dict):
        self.name = name
        self.arguments = OPTIMIZER_CONFIG_MAP[name](**arguments)

    def make_optimizer(self, model: nn.Module) -> Optimizer:
        return self.arguments.init_optimizer(model)
