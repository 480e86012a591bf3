# Idiom seen in: open-mmlab/mmsegmentation mmseg/models/segmentors/base.py (BaseSegmentor._parse_losses, train_step)
# What it reproduces: the mm-style contract between a segmentor and its runner: forward_train returns a dict
#   of named tensors, `_parse_losses` sums only the entries whose key contains 'loss' into the scalar that is
#   backpropagated and turns every entry into a float for the logger.
# label-note: no findings here; the key filter decides in segmentor.py which terms are trained.
from collections import OrderedDict

import torch
import torch.nn as nn


class BaseSegmentor(nn.Module):

    def forward_train(self, img, gt_semantic_seg):
        raise NotImplementedError

    @staticmethod
    def _parse_losses(losses):
        log_vars = OrderedDict()
        for loss_name, loss_value in losses.items():
            if isinstance(loss_value, torch.Tensor):
                log_vars[loss_name] = loss_value.mean()
            elif isinstance(loss_value, list):
                log_vars[loss_name] = sum(_loss.mean() for _loss in loss_value)
            else:
                raise TypeError(f"{loss_name} is not a tensor or list of tensors")

        loss = sum(_value for _key, _value in log_vars.items() if "loss" in _key)

        log_vars["loss"] = loss
        for loss_name, loss_value in log_vars.items():
            log_vars[loss_name] = loss_value.item()
        return loss, log_vars

    def train_step(self, data_batch, optimizer=None):
        losses = self.forward_train(**data_batch)
        loss, log_vars = self._parse_losses(losses)
        return dict(loss=loss, log_vars=log_vars, num_samples=len(data_batch["img"]))
