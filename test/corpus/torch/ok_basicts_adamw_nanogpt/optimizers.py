# Idiom seen in: GestaltCogTeam/BasicTS basicts/runners/optim/optimizers.py
# What it reproduces: AdamWnanoGPT, an AdamW subclass that takes plain params and splits them itself:
# tensors with dim >= 2 get weight_decay, biases/norm scales (dim < 2) get 0.0.
import inspect
from typing import Optional, Tuple, Union

import torch
from torch import Tensor
from torch.optim import AdamW

__all__ = ['AdamWnanoGPT']


class AdamWnanoGPT(AdamW):
    """https://github.com/karpathy/nanoGPT/blob/9755682b981a45507f6eb9b11eadef8cb83cebd5/model.py#L263"""

    def __init__(self,
                 params,
                 lr: Union[float, Tensor] = 1e-3,
                 betas: Tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8,
                 weight_decay: float = 1e-2,
                 amsgrad: bool = False,
                 *,
                 maximize: bool = False,
                 foreach: Optional[bool] = None):
        params = [p for p in params if p.requires_grad]
        # create optim groups. Any parameters that is 2D will be weight decayed, otherwise no.
        # i.e. all weight tensors in matmuls + embeddings decay, all biases and layernorms don't.
        decay_params = [p for p in params if p.dim() >= 2]
        nodecay_params = [p for p in params if p.dim() < 2]
        optim_groups = [
            {'params': decay_params, 'weight_decay': weight_decay},
            {'params': nodecay_params, 'weight_decay': 0.0}
        ]
        fused_available = 'fused' in inspect.signature(torch.optim.AdamW).parameters
        use_fused = fused_available and torch.cuda.is_available()
        super().__init__(optim_groups, lr=lr, betas=betas, eps=eps, amsgrad=amsgrad,
                         maximize=maximize, foreach=foreach, fused=use_fused)
