# Idiom seen in: czifan/DeepSurv.pytorch main.py
# What it reproduces: train(ini_file) reads an .ini config (utils module not included), builds DeepSurv and the NegativeLogLikelihood criterion from networks.py, picks the optimizer class with eval('optim.' + name) without weight_decay, and backpropagates criterion(risk_pred, y, e, model). The intended decay lives only in the criterion, where it is discarded.
import os

import torch
import torch.optim as optim

from networks import DeepSurv
from networks import NegativeLogLikelihood
from datasets import SurvivalDataset
from utils import read_config, c_index, adjust_learning_rate

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
models_dir = os.path.join('logs', 'models')


def train(ini_file):
    config = read_config(ini_file)
    model = DeepSurv(config['network']).to(device)
    criterion = NegativeLogLikelihood(config['network']).to(device)
    optimizer = eval('optim.{}'.format(config['train']['optimizer']))(
        model.parameters(), lr=config['train']['learning_rate'])
    train_dataset = SurvivalDataset(config['train']['h5_file'], is_train=True)
    test_dataset = SurvivalDataset(config['train']['h5_file'], is_train=False)
    train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=len(train_dataset))
    test_loader = torch.utils.data.DataLoader(test_dataset, batch_size=len(test_dataset))

    best_c_index = 0
    for epoch in range(1, config['train']['epochs'] + 1):
        adjust_learning_rate(optimizer, epoch, config['train']['learning_rate'],
                             config['train']['lr_decay_rate'])
        model.train()
        for X, y, e in train_loader:
            risk_pred = model(X.to(device))
            train_loss = criterion(risk_pred, y.to(device), e.to(device), model)
            optimizer.zero_grad()
            train_loss.backward()
            optimizer.step()
        model.eval()
        for X, y, e in test_loader:
            with torch.no_grad():
                risk_pred = model(X.to(device))
                valid_c = c_index(-risk_pred, y, e)
            if valid_c > best_c_index:
                best_c_index = valid_c
                torch.save({'model': model.state_dict(), 'epoch': epoch},
                           os.path.join(models_dir, os.path.basename(ini_file) + '.pth'))
        print('epoch %d train_loss %.4f valid_c %.4f' % (epoch, train_loss.item(), valid_c))
    return best_c_index


if __name__ == '__main__':
    for ini in ['configs/whas.ini', 'configs/support.ini', 'configs/metabric.ini']:
        print(ini, train(ini))
