# Idiom seen in: EdisonLeeeee/GraphGallery graphgallery/nn/models/pytorch/gcn.py
# What it reproduces: Keras-like torch GCN that appends one param group per layer, the hidden ones with
# dict(params=layer.parameters(), weight_decay=weight_decay), into optim.Adam: coupled L2 under Adam
# (the layers are built with use_bias=False, so no bias is decayed).
import torch.nn as nn


class TorchKeras(nn.Module):
    """A tiny Keras-like wrapper: compile() keeps the loss and the optimizer."""

    def compile(self, loss=None, optimizer=None, metrics=None):
        self.loss = loss
        self.optimizer = optimizer
        self.metrics = metrics or []

    def train_step_on_batch(self, x, y, out_index=None):
        self.train()
        self.optimizer.zero_grad()
        out = self(*x)
        if out_index is not None:
            out = out[out_index]
        loss = self.loss(out, y)
        loss.backward()
        self.optimizer.step()
        return loss.item()
