# Idiom seen in: yandex-research/rtdl lib/deep.py
# Idiom seen in: yandex-research/rtdl bin/ft_transformer.py
# What it reproduces: rtdl's make_optimizer(name, parameter_groups, lr, weight_decay), called with
#   two groups built by needs_wd(): the tokenizer, the norms and the biases sit in a group whose own
#   'weight_decay' is 0.0. Clean (only the optimizers the configs of this program use are mapped).
import math

import torch
import torch.optim as optim
import zero


def make_optimizer(optimizer: str, parameter_groups, lr: float, weight_decay: float) -> optim.Optimizer:
    Optimizer = {
        'adamw': optim.AdamW,
        'sgd': optim.SGD,
    }[optimizer]
    momentum = (0.9,) if Optimizer is optim.SGD else ()
    return Optimizer(parameter_groups, lr, *momentum, weight_decay=weight_decay)


class IndexLoader:
    def __init__(self, train_size: int, batch_size: int, shuffle: bool, device: torch.device) -> None:
        self._train_size = train_size
        self._batch_size = batch_size
        self._shuffle = shuffle
        self._device = device

    def __len__(self) -> int:
        return math.ceil(self._train_size / self._batch_size)

    def __iter__(self):
        indices = list(zero.iloader(self._train_size, self._batch_size, shuffle=self._shuffle))
        return iter(torch.cat(indices).to(self._device).split(self._batch_size))


def get_n_parameters(m: torch.nn.Module):
    return sum(x.numel() for x in m.parameters() if x.requires_grad)
