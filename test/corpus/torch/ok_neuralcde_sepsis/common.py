# Idiom seen in: patrick-kidger/NeuralCDE experiments/common.py
# Idiom seen in: patrick-kidger/NeuralCDE experiments/sepsis.py
# What it reproduces: the regularisation is wrapped into the loss function itself
#   (_add_weight_regularisation(loss_fn, regularise_parameters)) and that wrapped loss_fn is the one
#   the training loop calls backward() on; Adam has no weight_decay. Clean: one penalty, trained on.
import copy
import math

import sklearn.metrics
import torch
import tqdm

import models


def _add_weight_regularisation(loss_fn, regularise_parameters, scaling=0.03):
    def new_loss_fn(pred_y, true_y):
        total_loss = loss_fn(pred_y, true_y)
        for parameter in regularise_parameters.parameters():
            if parameter.requires_grad:
                total_loss = total_loss + scaling * parameter.norm()
        return total_loss
    return new_loss_fn


class _SqueezeEnd(torch.nn.Module):
    def __init__(self, model):
        super(_SqueezeEnd, self).__init__()
        self.model = model

    def forward(self, *args, **kwargs):
        return self.model(*args, **kwargs).squeeze(-1)


class _AttrDict(dict):
    def __setattr__(self, key, value):
        self[key] = value

    def __getattr__(self, item):
        return self[item]


def _evaluate_metrics(dataloader, model, times, loss_fn, device, kwargs):
    with torch.no_grad():
        total_loss, total_dataset_size = 0, 0
        true_y_cpus, pred_y_cpus = [], []
        for batch in dataloader:
            batch = tuple(b.to(device) for b in batch)
            *coeffs, true_y, lengths = batch
            pred_y = model(times, coeffs, lengths, **kwargs)
            true_y_cpus.append(true_y.cpu())
            pred_y_cpus.append(pred_y.cpu())
            total_loss += loss_fn(pred_y, true_y) * true_y.size(0)
            total_dataset_size += true_y.size(0)
        metrics = _AttrDict(loss=total_loss.item() / total_dataset_size)
        metrics.auroc = sklearn.metrics.roc_auc_score(torch.cat(true_y_cpus), torch.cat(pred_y_cpus))
        return metrics


def _train_loop(train_dataloader, val_dataloader, model, times, optimizer, loss_fn, max_epochs, device,
                kwargs):
    model.train()
    best_model = model
    best_val_auroc = 0
    tqdm_range = tqdm.tqdm(range(max_epochs))
    for epoch in tqdm_range:
        for batch in train_dataloader:
            batch = tuple(b.to(device) for b in batch)
            *train_coeffs, train_y, lengths = batch
            pred_y = model(times, train_coeffs, lengths, **kwargs)
            loss = loss_fn(pred_y, train_y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        if epoch % 10 == 0 or epoch == max_epochs - 1:
            model.eval()
            val_metrics = _evaluate_metrics(val_dataloader, model, times, loss_fn, device, kwargs)
            model.train()
            if val_metrics.auroc > best_val_auroc:
                best_val_auroc = val_metrics.auroc
                best_model = copy.deepcopy(model)
            tqdm_range.write('Epoch: {}  Val AUROC: {:.3}'.format(epoch, val_metrics.auroc))
    for parameter, best_parameter in zip(model.parameters(), best_model.parameters()):
        parameter.data = best_parameter.data


def main(times, train_dataloader, val_dataloader, device, make_model, max_epochs, lr, kwargs,
         pos_weight=torch.tensor(1)):
    times = times.to(device)
    model, regularise_parameters = make_model()
    model = _SqueezeEnd(model)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    loss_fn = _add_weight_regularisation(loss_fn, regularise_parameters)
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    _train_loop(train_dataloader, val_dataloader, model, times, optimizer, loss_fn, max_epochs,
                device, kwargs)
    return model


def make_model(name, input_channels, output_channels, hidden_channels, hidden_hidden_channels,
               num_hidden_layers, initial):
    if name == 'ncde':
        def make_model():
            vector_field = models.FinalTanh(input_channels=input_channels, hidden_channels=hidden_channels,
                                            hidden_hidden_channels=hidden_hidden_channels,
                                            num_hidden_layers=num_hidden_layers)
            model = models.NeuralCDE(func=vector_field, input_channels=input_channels,
                                     hidden_channels=hidden_channels, output_channels=output_channels,
                                     initial=initial)
            return model, vector_field
    else:
        raise ValueError("Unrecognised model name {}.".format(name))
    return make_model
