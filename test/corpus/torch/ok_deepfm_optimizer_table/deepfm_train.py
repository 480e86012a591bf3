# Idiom seen in: cksruf91/recomm-deepfm-pytorch deepfm_train.py
# What it reproduces: get_optimizer() builds a name -> optimizer table (Adagrad / Adadelta / Adam), all
#   with weight_decay=wd where wd defaults to 0.; the caller picks 'Adam' from model_params and passes no
#   wd, so no optimizer decays anything. Clean.
import argparse
import os
import time
from typing import Callable

import numpy as np
import pandas as pd
import torch
from torch.optim import Adadelta, Adagrad, Adam
from torch.utils.data import DataLoader

from common.data_iterator import Iterator, TestIterator
from config import CONFIG
from deepfm_model import DeepFactorizationMachineModel


def args():
    parser = argparse.ArgumentParser()
    parser.add_argument('-d', '--dataset', default='1M', choices=['10M', '1M', 'BRUNCH'], type=str)
    parser.add_argument('-ed', '--embed_dim', default=16, type=int)
    parser.add_argument('-lr', '--learning_rate', default=0.001, type=float)
    parser.add_argument('-bs', '--batch_size', default=256, type=int)
    parser.add_argument('-ly', '--layers', default=[64, 32], type=int, nargs='+')
    parser.add_argument('-o', '--dropout', default=0.2, type=float)
    return parser.parse_args()


def get_optimizer(model, name: str, lr: float, wd: float = 0.) -> Callable:
    """ get optimizer
    Args:
        model: pytorch model
        name: optimizer name
        lr: learning rate
        wd: weight_decay(l2 regulraization)
    """
    functions = {
        'Adagrad': Adagrad(model.parameters(), lr=lr, eps=0.00001, weight_decay=wd),
        'Adadelta': Adadelta(model.parameters(), lr=lr, eps=1e-06, weight_decay=wd),
        'Adam': Adam(model.parameters(), lr=lr, weight_decay=wd)
    }
    try:
        return functions[name]
    except KeyError:
        raise ValueError(f'optimizer [{name}] not exist, available optimizer {list(functions.keys())}')


def train(model, epoch, train_dataloader, loss_func, optim):
    for e in range(epoch):
        model.train()
        start, train_loss = time.time(), 0.0
        for step, (data, genres, labels) in enumerate(train_dataloader):
            pred = model(data, genres)
            loss = loss_func(pred, labels)
            loss.backward()
            optim.step()
            model.zero_grad()
            train_loss += loss.item()
        print(f"epoch {e + 1}: loss {train_loss / len(train_dataloader):3.3f} ({time.time() - start:0.1f}s)")


if __name__ == '__main__':
    argument = args()
    save_dir = os.path.join(CONFIG.DATA, argument.dataset)
    train_data = pd.read_csv(os.path.join(save_dir, 'train.tsv'), sep='\t')
    device = torch.device('cuda') if torch.cuda.is_available() else torch.device('cpu')
    model_params = {
        'learningRate': argument.learning_rate,
        'loss': 'BCELoss',
        'optimizer': 'Adam',
        'batchSize': argument.batch_size,
    }
    train_iterator = Iterator(train_data, device=device)
    train_dataloader = DataLoader(train_iterator, batch_size=argument.batch_size, shuffle=True)
    field_dims = np.max(train_iterator.data, axis=0) + 1
    field_dims[1] = 0
    model = DeepFactorizationMachineModel(field_dims, multi_hot_size=18, embed_dim=argument.embed_dim,
                                          mlp_dims=argument.layers, dropout=argument.dropout, device=device)
    loss_func = torch.nn.BCELoss()
    optim = get_optimizer(model, model_params['optimizer'], model_params['learningRate'])
    train(model, 50, train_dataloader, loss_func, optim)
