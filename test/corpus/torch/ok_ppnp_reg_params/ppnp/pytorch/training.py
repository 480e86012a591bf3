# Idiom seen in: gasteigerjo/ppnp ppnp/pytorch/training.py
# Idiom seen in: gasteigerjo/ppnp ppnp/pytorch/ppnp.py
# What it reproduces: PPNP's L2 on model.reg_params (the first layer only), reg_lambda/2 * sum of squares added to
#   the cross entropy inside set_grad_enabled(phase == "train") before loss.backward(); Adam has no weight_decay,
#   so the penalty is the only decay and is trained on. Clean.
import logging
import time
from typing import Type

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

from ..preprocessing import gen_seeds, gen_splits
from .earlystopping import EarlyStopping, stopping_args
from .utils import matrix_to_torch


def get_dataloaders(idx, labels_np, batch_size=None):
    labels = torch.LongTensor(labels_np)
    if batch_size is None:
        batch_size = max((val.numel() for val in idx.values()))
    datasets = {phase: TensorDataset(ind, labels[ind]) for phase, ind in idx.items()}
    return {phase: DataLoader(dataset=ds, batch_size=batch_size, shuffle=True) for phase, ds in datasets.items()}


def train_model(name: str, model_class: Type[nn.Module], graph, model_args: dict,
                learning_rate: float, reg_lambda: float, idx_split_args: dict,
                stopping_args: dict = stopping_args, test: bool = False, device: str = 'cuda',
                torch_seed: int = None, print_interval: int = 10) -> nn.Module:
    labels_all = graph.labels
    idx_np = {}
    idx_np['train'], idx_np['stopping'], idx_np['valtest'] = gen_splits(labels_all, idx_split_args, test=test)
    idx_all = {key: torch.LongTensor(val) for key, val in idx_np.items()}
    torch.manual_seed(seed=torch_seed if torch_seed is not None else gen_seeds())

    nfeatures = graph.attr_matrix.shape[1]
    nclasses = max(labels_all) + 1
    model = model_class(nfeatures, nclasses, **model_args).to(device)

    reg_lambda = torch.tensor(reg_lambda, device=device)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

    dataloaders = get_dataloaders(idx_all, labels_all)
    early_stopping = EarlyStopping(model, **stopping_args)
    attr_matrix = matrix_to_torch(graph.attr_matrix).to(device)
    epoch_stats = {'train': {}, 'stopping': {}}

    start_time = time.time()
    for epoch in range(early_stopping.max_epochs):
        for phase in epoch_stats.keys():
            model.train() if phase == 'train' else model.eval()
            running_loss = 0
            for idx, labels in dataloaders[phase]:
                idx = idx.to(device)
                labels = labels.to(device)
                optimizer.zero_grad()
                with torch.set_grad_enabled(phase == 'train'):
                    log_preds = model(attr_matrix, idx)
                    cross_entropy_mean = F.nll_loss(log_preds, labels)
                    l2_reg = sum(torch.sum(param ** 2) for param in model.reg_params)
                    loss = cross_entropy_mean + reg_lambda / 2 * l2_reg

                    if phase == "train":
                        loss.backward()
                        optimizer.step()
                    running_loss += loss.item() * idx.size(0)
            epoch_stats[phase]['loss'] = running_loss / len(dataloaders[phase].dataset)

        if epoch % print_interval == 0:
            logging.info(f"Epoch {epoch}: train loss = {epoch_stats['train']['loss']:.2f}, "
                         f"early stopping loss = {epoch_stats['stopping']['loss']:.2f}")
        stop_vars = [epoch_stats['stopping'][key] for key in early_stopping.stop_vars]
        if early_stopping.check(stop_vars, epoch):
            break
    logging.log(22, f"Last epoch: {epoch} ({time.time() - start_time:.3f} sec)")
    model.load_state_dict(early_stopping.best_state)
    return model
