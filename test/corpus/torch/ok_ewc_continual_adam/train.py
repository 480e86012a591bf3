# Idiom seen in: GMvandeVen/continual-learning train/train_task_based.py
# What it reproduces: the per-context training loop: loss_total = cross entropy + reg_strength * ewc_loss(),
#   differentiated and stepped with the model's own optimizer; Fisher re-estimated after each context. Clean.
import torch
from torch.nn import functional as F

import utils


def train_cl(model, train_datasets, iters=2000, batch_size=32, loss_cbs=list()):
    device = model._device()
    for context, train_dataset in enumerate(train_datasets, 1):
        model.train()
        data_loader = iter(utils.get_data_loader(train_dataset, batch_size, cuda=device.type == 'cuda'))
        for batch_index in range(1, iters + 1):
            try:
                x, y = next(data_loader)
            except StopIteration:
                data_loader = iter(utils.get_data_loader(train_dataset, batch_size, cuda=device.type == 'cuda'))
                x, y = next(data_loader)
            x, y = x.to(device), y.to(device)

            model.optimizer.zero_grad()
            y_hat = model(x)
            loss_cur = F.cross_entropy(y_hat, y, reduction='mean')
            ewc_loss = model.ewc_loss() if model.weight_penalty else torch.tensor(0., device=device)
            loss_total = loss_cur + model.reg_strength * ewc_loss
            loss_total.backward()
            model.optimizer.step()

            for loss_cb in loss_cbs:
                if loss_cb is not None:
                    loss_cb(batch_index, {'loss_total': loss_total.item(), 'ewc': ewc_loss.item()}, context=context)

        if model.weight_penalty:
            model.estimate_fisher(train_dataset)
