# Idiom seen in: zhouhaoyi/Informer2020 exp/exp_informer.py (class Exp_Informer(Exp_Basic), self.args everywhere)
# What it reproduces: the experiment base class: keeps the argparse namespace, picks the device and asks the
#   subclass for the model (_build_model) in __init__.
# label-note: no findings here; see exp/exp_informer.py.
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
