# Idiom seen in: khanrc/pt.darts search.py
# What it reproduces: the two DARTS optimizers: SGD on model.weights() with w_weight_decay (the whole
#   network, stem BatchNorm and classifier bias included), and torch.optim.Adam on the alphas with
#   weight_decay=alpha_weight_decay, which under Adam is coupled L2 scaled by the adaptive step.
import torch
import torch.nn as nn
import numpy as np

from config import SearchConfig
from search_cnn import SearchCNNController
import utils

config = SearchConfig()
device = torch.device("cuda")


def main():
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    input_size, input_channels, n_classes, train_data = utils.get_data(config.dataset)

    net_crit = nn.CrossEntropyLoss().to(device)
    model = SearchCNNController(input_channels, config.init_channels, n_classes, config.layers, net_crit)
    model = model.to(device)

    # weights optimizer
    w_optim = torch.optim.SGD(model.weights(), config.w_lr, momentum=config.w_momentum,  # expect: WD203
                              weight_decay=config.w_weight_decay)
    # alphas optimizer
    alpha_optim = torch.optim.Adam(model.alphas(), config.alpha_lr, betas=(0.5, 0.999),
                                   weight_decay=config.alpha_weight_decay)  # expect: WD202

    n_train = len(train_data)
    split = n_train // 2
    indices = list(range(n_train))
    train_loader = torch.utils.data.DataLoader(
        train_data, batch_size=config.batch_size,
        sampler=torch.utils.data.sampler.SubsetRandomSampler(indices[:split]))
    valid_loader = torch.utils.data.DataLoader(
        train_data, batch_size=config.batch_size,
        sampler=torch.utils.data.sampler.SubsetRandomSampler(indices[split:]))
    lr_scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(w_optim, config.epochs, eta_min=config.w_lr_min)

    for epoch in range(config.epochs):
        train(train_loader, valid_loader, model, w_optim, alpha_optim)
        lr_scheduler.step()


def train(train_loader, valid_loader, model, w_optim, alpha_optim):
    model.train()
    for (trn_X, trn_y), (val_X, val_y) in zip(train_loader, valid_loader):
        trn_X, trn_y = trn_X.to(device), trn_y.to(device)
        val_X, val_y = val_X.to(device), val_y.to(device)

        # phase 2. architect step (alpha), first-order approximation
        alpha_optim.zero_grad()
        model.loss(val_X, val_y).backward()
        alpha_optim.step()

        # phase 1. child network step (w)
        w_optim.zero_grad()
        logits = model(trn_X)
        loss = model.criterion(logits, trn_y)
        loss.backward()
        nn.utils.clip_grad_norm_(model.weights(), config.w_grad_clip)
        w_optim.step()


if __name__ == "__main__":
    main()
