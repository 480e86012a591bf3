# Idiom seen in: open-mmlab/mmaction2 mmaction/models/recognizers/base.py (BaseRecognizer._parse_losses, train_step) and recognizer2d.py
# What it reproduces: an mmaction-style recognizer whose forward_train returns a dict of named terms and whose _parse_losses sums only the keys containing 'loss'; the head L2 is stored under 'reg_l2', so it is logged but never summed into the loss that train.py back-propagates. Bug (WD104).
from collections import OrderedDict

import torch
import torch.distributed as dist
import torch.nn as nn

from builder import build_backbone, build_head


class BaseRecognizer(nn.Module):
    def __init__(self, backbone, cls_head=None, train_cfg=None, test_cfg=None):
        super().__init__()
        self.backbone = build_backbone(backbone)
        self.cls_head = build_head(cls_head) if cls_head else None
        self.train_cfg = train_cfg
        self.test_cfg = test_cfg

    def extract_feat(self, imgs):
        return self.backbone(imgs)

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
            if dist.is_available() and dist.is_initialized():
                loss_value = loss_value.data.clone()
                dist.all_reduce(loss_value.div_(dist.get_world_size()))
            log_vars[loss_name] = loss_value.item()
        return loss, log_vars

    def forward(self, imgs, label=None, return_loss=True):
        if return_loss:
            return self.forward_train(imgs, label)
        return self.forward_test(imgs)

    def train_step(self, data_batch, optimizer=None):
        losses = self(data_batch["imgs"], data_batch["label"], return_loss=True)
        loss, log_vars = self._parse_losses(losses)
        return dict(loss=loss, log_vars=log_vars, num_samples=len(data_batch["imgs"]))


class Recognizer2D(BaseRecognizer):
    def forward_train(self, imgs, labels):
        batches = imgs.shape[0]
        imgs = imgs.reshape((-1, ) + imgs.shape[2:])
        num_segs = imgs.shape[0] // batches

        x = self.extract_feat(imgs)
        cls_score = self.cls_head(x, num_segs)
        gt_labels = labels.squeeze()
        losses = self.cls_head.loss(cls_score, gt_labels)

        l2_weight = self.train_cfg.get("l2_weight", 0.0) if self.train_cfg else 0.0
        if l2_weight > 0:
            losses["reg_l2"] = l2_weight * sum(p.pow(2).sum() for n, p in self.cls_head.named_parameters() if n.endswith("weight"))  # expect: WD104
        return losses

    def forward_test(self, imgs):
        batches = imgs.shape[0]
        imgs = imgs.reshape((-1, ) + imgs.shape[2:])
        num_segs = imgs.shape[0] // batches
        cls_score = self.cls_head(self.extract_feat(imgs), num_segs)
        return cls_score.softmax(dim=-1).view(batches, num_segs, -1).mean(dim=1)
