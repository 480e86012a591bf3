# Idiom seen in: BrightQin/DBA-Time-Series src/running.py
# What it reproduces: the runner adds l2_reg * l2_reg_loss(model) only when it was given an
#   output_reg (global_reg off); this path is fine.
import torch

from loss import l2_reg_loss


class SupervisedRunner(object):
    def __init__(self, model, dataloader, device, loss_module, optimizer=None, l2_reg=None):
        self.model = model
        self.dataloader = dataloader
        self.device = device
        self.loss_module = loss_module
        self.optimizer = optimizer
        self.l2_reg = l2_reg

    def train_epoch(self, epoch_num=None):
        self.model.train()
        epoch_loss = 0.0
        for X, targets, padding_masks in self.dataloader:
            predictions = self.model(X.to(self.device), padding_masks.to(self.device))
            loss = self.loss_module(predictions, targets.to(self.device))
            mean_loss = torch.sum(loss) / len(loss)
            if self.l2_reg:
                total_loss = mean_loss + self.l2_reg * l2_reg_loss(self.model)
            else:
                total_loss = mean_loss
            self.optimizer.zero_grad()
            total_loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=4.0)
            self.optimizer.step()
            epoch_loss += mean_loss.item()
        return epoch_loss / len(self.dataloader)
