# Idiom seen in: kuc2477/pytorch-ewc train.py
# What it reproduces: permuted-MNIST continual training; plain SGD whose weight_decay comes from the caller
# (main.py passes 0) and a loss of cross entropy + EWC anchor penalty.
from torch import nn, optim
from tqdm import tqdm

import utils


def train(model, train_datasets, test_datasets, epochs_per_task=10, batch_size=64, test_size=1024,
          consolidate=True, fisher_estimation_sample_size=1024, lr=1e-3, weight_decay=1e-5, cuda=False):
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=lr, weight_decay=weight_decay)
    model.train()
    for task, train_dataset in enumerate(train_datasets, 1):
        for epoch in range(1, epochs_per_task + 1):
            data_loader = utils.get_data_loader(train_dataset, batch_size=batch_size, cuda=cuda)
            data_stream = tqdm(enumerate(data_loader, 1))
            for batch_index, (x, y) in data_stream:
                x = x.view(len(x), -1)
                if cuda:
                    x, y = x.cuda(), y.cuda()
                optimizer.zero_grad()
                scores = model(x)
                ce_loss = criterion(scores, y)
                ewc_loss = model.ewc_loss()
                loss = ce_loss + ewc_loss
                loss.backward()
                optimizer.step()
                data_stream.set_description('task: {}/{} | epoch: {} | ce: {:.4} / ewc: {:.4}'.format(
                    task, len(train_datasets), epoch, float(ce_loss), float(ewc_loss)))
        if consolidate and task < len(train_datasets):
            model.consolidate(model.estimate_fisher(train_dataset, fisher_estimation_sample_size))
