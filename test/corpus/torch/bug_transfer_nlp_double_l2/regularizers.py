# Idiom seen in: feedly/transfer-nlp transfer_nlp/plugins/regularizers.py
# What it reproduces: the registered L1/L2 regularizer plugins whose compute_penalty(model) sums a
#   per-parameter term over model.named_parameters(). The L2 term here doubles the SGD weight_decay of the
#   experiment on the same parameters (WD201).
import torch

from transfer_nlp.plugins.config import register_plugin


class RegularizerABC:

    def __call__(self, *args, **kwargs):
        raise NotImplementedError

    def __str__(self):
        raise NotImplementedError

    def compute_penalty(self, model: torch.nn.Module):
        raise NotImplementedError


@register_plugin
class L1(RegularizerABC):

    def __init__(self, alpha: float = 0.01) -> None:
        self.alpha = alpha

    def __call__(self, parameter: torch.Tensor) -> torch.Tensor:
        return self.alpha * torch.sum(torch.abs(parameter))

    def __str__(self):
        return f"L1(alpha={self.alpha})"

    def compute_penalty(self, model: torch.nn.Module):
        penalty = 0
        for name, parameter in model.named_parameters():
            penalty += self(parameter)
        return penalty


@register_plugin
class L2(RegularizerABC):

    def __init__(self, alpha: float = 0.01) -> None:
        self.alpha = alpha

    def __str__(self):
        return f"L2(alpha={self.alpha})"

    def __call__(self, parameter: torch.Tensor) -> torch.Tensor:
        return self.alpha * torch.sum(torch.pow(parameter, 2))  # expect: WD201

    def compute_penalty(self, model: torch.nn.Module):
        """
        Compute a penalty value uniformly over layers
        """
        penalty = 0
        for name, parameter in model.named_parameters():
            penalty += self(parameter)
        return penalty
