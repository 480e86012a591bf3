# Idiom seen in: CILAB-UrbanData/MTGBench exp/exp_basic.py
# What it reproduces: the Time-Series-Library style experiment base class: a model dict keyed by name,
#   device selection, and _build_model called from __init__.
import os

import torch

import trgnn


class Exp_Basic(object):
    def __init__(self, args):
        self.args = args
        self.model_dict = {
            'TrGNN': trgnn,
        }
        self.device = self._acquire_device()
        self.model = self._build_model().to(self.device)

    def _build_model(self):
        return self.model_dict[self.args.model].Model(self.args).float()

    def _acquire_device(self):
        if self.args.use_gpu:
            os.environ["CUDA_VISIBLE_DEVICES"] = str(self.args.gpu)
            return torch.device('cuda:{}'.format(self.args.gpu))
        return torch.device('cpu')
