# Idiom seen in: hsuehkuan-lu/sentiment-classification training/mlp.py
# What it reproduces: a Trainer subclass that swaps the base SGD for Adam with weight_decay read from params.yaml (1e-5): coupled L2 under Adam, applied to every parameter of the model including biases and LayerNorm. No wiring bug; WD202 and WD203 only.
import torch

from base import PARAMS, TrainerBase


class Trainer(TrainerBase):
    def __init__(self, model, mode="train"):
        super(Trainer, self).__init__(model, mode)
        opt_cfg = PARAMS[mode]["optimizer"]
        self._optimizer = torch.optim.Adam(
            self._model.parameters(),  # expect: WD203
            lr=float(opt_cfg["lr"]),
            weight_decay=float(opt_cfg["weight_decay"]),  # expect: WD202
        )
        self._scheduler = torch.optim.lr_scheduler.StepLR(
            self._optimizer, opt_cfg["step_lr"], gamma=opt_cfg["gamma"]
        )

    @property
    def method(self):
        return "mlp"
