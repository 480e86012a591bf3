# Idiom seen in: BorealisAI/scaleformer exp/exp_basic.py
# What it reproduces: the Exp_Basic base class (device from args, model built in __init__).
import os

import torch


class Exp_Basic(object):
    def __init__(self, args):
        self.args = args
        self.device = self._acquire_device()
        self.model = self._build_model().to(self.device)

    def _build_model(self):
        raise NotImplementedError

    def _acquire_device(self):
        if self.args.use_gpu:
            os.environ["CUDA_VISIBLE_DEVICES"] = str(self.args.gpu) if not self.args.use_multi_gpu else self.args.devices
            return torch.device('cuda:{}'.format(self.args.gpu))
        return torch.device('cpu')
