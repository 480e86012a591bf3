# Idiom seen in: klicperajo/ppnp ppnp/pytorch/ppnp.py
# Idiom seen in: klicperajo/ppnp ppnp/pytorch/training.py
# What it reproduces: (A)PPNP for semi-supervised node classification: bias-free MLP whose first layer's
#   parameters are exposed as reg_params, the only ones the training loss penalizes.
from typing import List

import torch
import torch.nn as nn
import torch.nn.functional as F

from utils import MixedLinear, MixedDropout


class PPNP(nn.Module):
    def __init__(self, nfeatures: int, nclasses: int, hiddenunits: List[int], drop_prob: float,
                 propagation: nn.Module, bias: bool = False):
        super().__init__()
        fcs = [MixedLinear(nfeatures, hiddenunits[0], bias=bias)]
        for i in range(1, len(hiddenunits)):
            fcs.append(nn.Linear(hiddenunits[i - 1], hiddenunits[i], bias=bias))
        fcs.append(nn.Linear(hiddenunits[-1], nclasses, bias=bias))
        self.fcs = nn.ModuleList(fcs)

        self.reg_params = list(self.fcs[0].parameters())

        if drop_prob == 0:
            self.dropout = lambda x: x
        else:
            self.dropout = MixedDropout(drop_prob)
        self.act_fn = nn.ReLU()
        self.propagation = propagation

    def _transform_features(self, attr_matrix):
        layer_inner = self.act_fn(self.fcs[0](self.dropout(attr_matrix)))
        for fc in self.fcs[1:-1]:
            layer_inner = self.act_fn(fc(layer_inner))
        return self.fcs[-1](self.dropout(layer_inner))

    def forward(self, attr_matrix, idx: torch.LongTensor):
        local_logits = self._transform_features(attr_matrix)
        final_logits = self.propagation(local_logits, idx)
        return F.log_softmax(final_logits, dim=-1)
