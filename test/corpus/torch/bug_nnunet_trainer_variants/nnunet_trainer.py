# Idiom seen in: ajf97/Statistical-Analysis-nnUNet nnunetv2/training/nnUNetTrainer/nnUNetTrainer_100epochs_05exp.py
#   (nnU-Net's configure_optimizers: SGD over self.network.parameters(), weight_decay=self.weight_decay,
#   momentum=0.99, nesterov=True); MIC-DKFZ/nnUNet nnUNetTrainerV2_momentum098.py (same call in nnU-Net v1)
# What it reproduces: the base trainer keeps its hyper-parameters as attributes set in __init__ (initial_lr 1e-2,
#   weight_decay 3e-5) and configure_optimizers hands every network parameter to one decayed SGD group.
# label-note: WD203 on the SGD line that carries self.network.parameters(): the InstanceNorm affine weights/biases
#   and all conv biases of PlainConvUNet are decayed. lr*wd = 1e-2 * 3e-5, far below 1 (no WD301).
import torch

from network_architecture import get_network_from_plans
from lr_scheduler.polylr import PolyLRScheduler
from loss.compound_losses import DC_and_CE_loss
from dataloading.data_loader_3d import get_tr_and_val_dataloaders


class nnUNetTrainer(object):
    def __init__(self, plans: dict, configuration: str, fold: int, dataset_json: dict,
                 device: torch.device = torch.device("cuda")):
        self.plans, self.configuration, self.fold = plans, configuration, fold
        self.dataset_json = dataset_json
        self.device = device
        self.initial_lr = 1e-2
        self.weight_decay = 3e-5
        self.num_iterations_per_epoch = 250
        self.num_epochs = 1000
        self.network = None

    def initialize(self):
        self.network = get_network_from_plans(self.plans, self.configuration,
                                              len(self.dataset_json["channel_names"]),
                                              len(self.dataset_json["labels"])).to(self.device)
        self.optimizer, self.lr_scheduler = self.configure_optimizers()
        self.loss = DC_and_CE_loss({"batch_dice": True, "smooth": 1e-5}, {}, weight_ce=1, weight_dice=1)

    def configure_optimizers(self):
        optimizer = torch.optim.SGD(self.network.parameters(), self.initial_lr, weight_decay=self.weight_decay,  # expect: WD203
                                    momentum=0.99, nesterov=True)
        lr_scheduler = PolyLRScheduler(optimizer, self.initial_lr, self.num_epochs)
        return optimizer, lr_scheduler

    def train_step(self, batch: dict) -> float:
        data = batch["data"].to(self.device, non_blocking=True)
        target = batch["target"].to(self.device, non_blocking=True)
        self.optimizer.zero_grad(set_to_none=True)
        output = self.network(data)
        loss = self.loss(output, target)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.network.parameters(), 12)
        self.optimizer.step()
        return loss.detach().cpu().item()

    def run_training(self):
        self.initialize()
        dataloader_train, _ = get_tr_and_val_dataloaders(self.plans, self.configuration, self.fold)
        for epoch in range(self.num_epochs):
            self.network.train()
            self.lr_scheduler.step(epoch)
            for _ in range(self.num_iterations_per_epoch):
                self.train_step(next(dataloader_train))
