# Idiom seen in: nerfstudio-project/nerfstudio nerfstudio/engine/optimizers.py
# What it reproduces: dataclass optimizer configs whose setup() splats vars(self) into the target class, and the
#   Optimizers container that builds one optimizer per parameter group. AdamOptimizerConfig.weight_decay defaults to 0
#   and no config in the program sets it, so Adam gets no coupled L2. Clean.
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Type

import torch
from torch.nn.parameter import Parameter


@dataclass
class OptimizerConfig:
    """Basic optimizer config with Adam"""

    _target: Type = torch.optim.Adam
    lr: float = 0.0005
    eps: float = 1e-08
    max_norm: Optional[float] = None

    def setup(self, params) -> torch.optim.Optimizer:
        """Returns the instantiated object using the config."""
        kwargs = vars(self).copy()
        kwargs.pop("_target")
        kwargs.pop("max_norm")
        return self._target(params, **kwargs)


@dataclass
class AdamOptimizerConfig(OptimizerConfig):
    """Basic optimizer config with Adam"""

    _target: Type = torch.optim.Adam
    weight_decay: float = 0


@dataclass
class RAdamOptimizerConfig(OptimizerConfig):
    """Basic optimizer config with RAdam"""

    _target: Type = torch.optim.RAdam
    weight_decay: float = 0


class Optimizers:
    def __init__(self, config: Dict[str, Any], param_groups: Dict[str, List[Parameter]]) -> None:
        self.config = config
        self.optimizers = {}
        self.parameters = {}
        for param_group_name, params in param_groups.items():
            self.optimizers[param_group_name] = config[param_group_name]["optimizer"].setup(params=params)
            self.parameters[param_group_name] = params

    def zero_grad_all(self) -> None:
        for _, optimizer in self.optimizers.items():
            optimizer.zero_grad()

    def optimizer_step_all(self) -> None:
        for param_group, optimizer in self.optimizers.items():
            max_norm = self.config[param_group]["optimizer"].max_norm
            if max_norm is not None:
                torch.nn.utils.clip_grad_norm_(self.parameters[param_group], max_norm)
            optimizer.step()
