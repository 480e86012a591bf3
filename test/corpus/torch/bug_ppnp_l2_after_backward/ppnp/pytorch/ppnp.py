# Idiom seen in: gasteigerjo/ppnp ppnp/pytorch/training.py
# Idiom seen in: gasteigerjo/ppnp ppnp/pytorch/ppnp.py
# What it reproduces: PPNP's reg_lambda/2 * sum of squares over model.reg_params (first layer), with Adam and no
#   weight_decay. Realistic mistake: backward/step were moved above the regularized loss, which now only feeds
#   running_loss and early stopping, so the L2 term never gets a gradient (the real repo adds it before backward).
import torch
import torch.nn as nn

from .utils import MixedLinear, MixedDropout


class PPNP(nn.Module):
    def __init__(self, nfeatures, nclasses, hiddenunits, drop_prob, propagation, bias=False):
        super().__init__()
        fcs = [MixedLinear(nfeatures, hiddenunits[0], bias=bias)]
        for i in range(1, len(hiddenunits)):
            fcs.append(nn.Linear(hiddenunits[i - 1], hiddenunits[i], bias=bias))
        fcs.append(nn.Linear(hiddenunits[-1], nclasses, bias=bias))
        self.fcs = nn.ModuleList(fcs)
        self.reg_params = list(self.fcs[0].parameters())
        self.dropout = MixedDropout(drop_prob) if drop_prob else (lambda x: x)
        self.act_fn = nn.ReLU()
        self.propagation = propagation

    def _transform_features(self, attr_matrix):
        layer_inner = self.act_fn(self.fcs[0](self.dropout(attr_matrix)))
        for fc in self.fcs[1:-1]:
            layer_inner = self.act_fn(fc(layer_inner))
        return self.fcs[-1](self.dropout(layer_inner))

    def forward(self, attr_matrix, idx):
        local_logits = self._transform_features(attr_matrix)
        final_logits = self.propagation(local_logits, idx)
        return nn.functional.log_softmax(final_logits, dim=-1)
