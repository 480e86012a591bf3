# Idiom seen in: Max-1234-hub/FedAAR Regularization.py
# Idiom seen in: Max-1234-hub/FedAAR federated/fed_aar.py
# What it reproduces: a Regularization module whose squared-L2 term sits under `if self.weight_decay > 0:`,
# built only with settings.WEIGHT_D, which is 0: the decay code never runs (WD303 on the guard).
import copy
import torch
from torch import nn, optim

import settings
from Regularization import Regularization
from nets.CMI_Net import CaNet
from utils import data_utils


def train(model, train_loader, optimizer, loss_fun, reg_loss, device):
    model.train()
    loss_all, correct, num_data = 0, 0, 0
    for x, y in train_loader:
        optimizer.zero_grad()
        x, y = x.to(device).float(), y.to(device).long()
        output, _ = model(x)
        loss = loss_fun(output, y) + reg_loss(model)
        loss.backward()
        optimizer.step()
        loss_all += loss.item()
        num_data += y.size(0)
        correct += output.data.max(1)[1].eq(y.view(-1)).sum().item()
    return loss_all / len(train_loader), correct / num_data


def communication(server_model, models, client_weights):
    with torch.no_grad():
        for key in server_model.state_dict().keys():
            if 'running' in key or 'num_batches_tracked' in key:
                continue
            temp = sum(w * m.state_dict()[key] for w, m in zip(client_weights, models))
            server_model.state_dict()[key].data.copy_(temp)
            for m in models:
                m.state_dict()[key].data.copy_(server_model.state_dict()[key])
    return server_model, models


if __name__ == '__main__':
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_loaders, test_loader = data_utils.prepare_data(settings.BATCH)
    server_model = CaNet().to(device)
    client_num = len(train_loaders)
    client_weights = [1 / client_num] * client_num
    models = [copy.deepcopy(server_model).to(device) for _ in range(client_num)]
    reg_losses = [Regularization(m, settings.WEIGHT_D, p=2) for m in models]
    loss_fun = nn.CrossEntropyLoss()
    optimizers = [optim.Adam(m.parameters(), lr=settings.LR) for m in models]
    for a_iter in range(settings.ITERS):
        for wi in range(settings.WK_ITERS):
            for idx in range(client_num):
                loss, acc = train(models[idx], train_loaders[idx], optimizers[idx], loss_fun, reg_losses[idx], device)
                print(' Site-{:d} | Train Loss: {:.4f} | Train Acc: {:.4f}'.format(idx, loss, acc))
        server_model, models = communication(server_model, models, client_weights)
