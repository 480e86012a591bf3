# Idiom seen in: MIC-DKFZ/nnUNet nnunetv2/training/nnUNetTrainer/variants/optimizer/nnUNetTrainerAdam.py
# What it reproduces: optimizer variants as subclasses that only override configure_optimizers and reuse the
#   inherited self.weight_decay (3e-5) and self.initial_lr; further subclasses change only the learning rate.
# label-note: nnUNetTrainerAdam uses AdamW (decoupled, so no WD202) but over all parameters: WD203 on its params
#   line. nnUNetTrainerVanillaAdam uses torch.optim.Adam with weight_decay > 0: WD202 on the weight_decay= line
#   and WD203 on its params line. The lr-only subclasses inherit these same calls (no extra labels).
from torch.optim import Adam, AdamW

from lr_scheduler.polylr import PolyLRScheduler
from nnunet_trainer import nnUNetTrainer


class nnUNetTrainerAdam(nnUNetTrainer):
    def configure_optimizers(self):
        optimizer = AdamW(self.network.parameters(),  # expect: WD203
                          lr=self.initial_lr,
                          weight_decay=self.weight_decay,
                          amsgrad=True)
        lr_scheduler = PolyLRScheduler(optimizer, self.initial_lr, self.num_epochs)
        return optimizer, lr_scheduler


class nnUNetTrainerVanillaAdam(nnUNetTrainer):
    def configure_optimizers(self):
        optimizer = Adam(self.network.parameters(),  # expect: WD203
                         lr=self.initial_lr,
                         weight_decay=self.weight_decay)  # expect: WD202
        lr_scheduler = PolyLRScheduler(optimizer, self.initial_lr, self.num_epochs)
        return optimizer, lr_scheduler


class nnUNetTrainerVanillaAdam3en4(nnUNetTrainerVanillaAdam):
    def __init__(self, plans, configuration, fold, dataset_json, device=None):
        super().__init__(plans, configuration, fold, dataset_json, device)
        self.initial_lr = 3e-4


class nnUNetTrainerAdam1en3(nnUNetTrainerAdam):
    def __init__(self, plans, configuration, fold, dataset_json, device=None):
        super().__init__(plans, configuration, fold, dataset_json, device)
        self.initial_lr = 1e-3
