# Idiom seen in: aikunyi/FreTS exp/exp_main.py
# What it reproduces: the Exp_Basic base class of the Autoformer-family codebases: it builds the model
#   in __init__ from self.args and leaves _select_optimizer to the subclass.
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
            os.environ["CUDA_VISIBLE_DEVICES"] = str(self.args.gpu)
            return torch.device('cuda:{}'.format(self.args.gpu))
        return torch.device('cpu')
