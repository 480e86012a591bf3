# Idiom seen in: adkevin3307/eeg_classification main.py
# Idiom seen in: adkevin3307/eeg_classification Model.py
# What it reproduces: the entry point: BCI data from a helper module the folder does not hold, EEGNet,
#   Adam without weight_decay, and the Model wrapper whose L2 term only reaches the log.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

from utils import parse, read_bci_data, show
from Net import EEGNet
from Model import Model


if __name__ == '__main__':
    np.random.seed(0)
    torch.manual_seed(0)

    args = parse()
    train_loader, test_loader = read_bci_data()

    net = EEGNet(args.activation)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(net.parameters(), lr=1e-3)

    model = Model(net, criterion=criterion, optimizer=optimizer, l2_lambda=1e-3)
    history = model.train(train_loader, epochs=300, val_loader=test_loader)
    model.test(test_loader)
    show(history)
