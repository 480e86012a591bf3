# Idiom seen in: klicperajo/ppnp ppnp/pytorch/ppnp.py
# Idiom seen in: klicperajo/ppnp ppnp/pytorch/training.py
# What it reproduces: PPNP's train_model(): Adam without weight_decay, and the trained loss is
#   nll + reg_lambda / 2 * sum of squares of the first layer's parameters, backpropagated in the train
#   phase; the stopping phase computes the same loss without a step. Clean.
import time
import logging

import torch
import torch.nn.functional as F
from torch.utils.data import TensorDataset, DataLoader

from ppnp import PPNP
from propagation import PPRPowerIteration
from data.io import load_dataset
from preprocessing import gen_splits, normalize_attributes
from earlystopping import EarlyStopping, stopping_args
from utils import matrix_to_torch


def get_dataloaders(idx, labels_np, batch_size=None):
    labels = torch.LongTensor(labels_np)
    if batch_size is None:
        batch_size = max((val.numel() for val in idx.values()))
    datasets = {phase: TensorDataset(ind, labels[ind]) for phase, ind in idx.items()}
    return {phase: DataLoader(dataset=dataset, batch_size=batch_size, shuffle=True)
            for phase, dataset in datasets.items()}


def train_model(graph, model_args, learning_rate, reg_lambda, idx_split_args, device='cuda', print_interval=10):
    labels_all = graph.labels
    idx_np = {}
    idx_np['train'], idx_np['stopping'], idx_np['valtest'] = gen_splits(labels_all, idx_split_args, test=False)
    idx_all = {key: torch.LongTensor(val) for key, val in idx_np.items()}

    nfeatures = graph.attr_matrix.shape[1]
    nclasses = max(labels_all) + 1
    prop = PPRPowerIteration(graph.adj_matrix, alpha=0.1, niter=10)
    model = PPNP(nfeatures, nclasses, propagation=prop, **model_args).to(device)

    reg_lambda = torch.tensor(reg_lambda, device=device)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

    dataloaders = get_dataloaders(idx_all, labels_all)
    early_stopping = EarlyStopping(model, **stopping_args)
    attr_mat_norm = matrix_to_torch(normalize_attributes(graph.attr_matrix)).to(device)

    epoch_stats = {'train': {}, 'stopping': {}}
    for epoch in range(early_stopping.max_epochs):
        for phase in epoch_stats.keys():
            model.train() if phase == 'train' else model.eval()
            running_loss = 0
            for idx, labels in dataloaders[phase]:
                idx = idx.to(device)
                labels = labels.to(device)
                optimizer.zero_grad()
                with torch.set_grad_enabled(phase == 'train'):
                    log_preds = model(attr_mat_norm, idx)
                    cross_entropy_mean = F.nll_loss(log_preds, labels)
                    l2_reg = sum((torch.sum(param ** 2) for param in model.reg_params))
                    loss = cross_entropy_mean + reg_lambda / 2 * l2_reg
                    if phase == 'train':
                        loss.backward()
                        optimizer.step()
                    running_loss += loss.item() * idx.size(0)
            epoch_stats[phase]['loss'] = running_loss / len(dataloaders[phase].dataset)
        if epoch % print_interval == 0:
            logging.info(f"Epoch {epoch}: Train loss = {epoch_stats['train']['loss']:.2f}")
        if early_stopping.check([epoch_stats['stopping']['loss']], epoch):
            break
    model.load_state_dict(early_stopping.best_state)
    return model


if __name__ == '__main__':
    graph = load_dataset('cora_ml')
    graph.standardize(select_lcc=True)
    model_args = {'hiddenunits': [64], 'drop_prob': 0.5}
    idx_split_args = {'ntrain_per_class': 20, 'nstopping': 500, 'nknown': 1500, 'seed': 2413340114}
    train_model(graph, model_args, learning_rate=0.01, reg_lambda=5e-3, idx_split_args=idx_split_args)
