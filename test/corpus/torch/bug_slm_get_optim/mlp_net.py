# Idiom seen in: kengz/SLM-Lab slm_lab/agent/net/mlp.py
# What it reproduces: MLPNet builds its body with build_sequential (biased nn.Linear layers) and asks
#   net_util.get_optim(self, self.optim_spec) for its optimizer.
import pydash as ps
import torch.nn as nn

import net_util


class MLPNet(nn.Module):
    def __init__(self, net_spec, in_dim, out_dim):
        nn.Module.__init__(self)
        self.net_spec = net_spec
        self.hid_layers = net_spec['hid_layers']
        self.hid_layers_activation = net_spec['hid_layers_activation']
        self.optim_spec = net_spec['optim_spec']
        self.loss_spec = net_spec['loss_spec']
        self.clip_grad_val = net_spec.get('clip_grad_val')
        dims = [in_dim] + self.hid_layers
        self.model = net_util.build_sequential(dims, self.hid_layers_activation)
        self.model_tail = nn.Linear(dims[-1], out_dim)
        self.loss_fn = net_util.get_loss_fn(self, self.loss_spec)
        self.optim = net_util.get_optim(self, self.optim_spec)

    def forward(self, x):
        return self.model_tail(self.model(x))

    def training_step(self, x, y):
        self.train()
        self.optim.zero_grad()
        loss = self.loss_fn(self(x), y)
        loss.backward()
        if self.clip_grad_val is not None:
            nn.utils.clip_grad_norm_(self.parameters(), self.clip_grad_val)
        self.optim.step()
        return loss
