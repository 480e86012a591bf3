# Idiom seen in: orobix/Prototypical-Networks-for-Few-shot-Learning-PyTorch src/train.py
# What it reproduces: few-shot ProtoNet (conv blocks with BatchNorm) trained episodically; init_optim builds
# Adam(model.parameters(), lr) without weight_decay and the loss is the prototypical loss only: nothing to report.
import os

import numpy as np
import torch
import torch.nn as nn
from tqdm import tqdm

from omniglot_dataset import OmniglotDataset
from parser_util import get_parser
from prototypical_batch_sampler import PrototypicalBatchSampler
from prototypical_loss import prototypical_loss as loss_fn


def conv_block(in_channels, out_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, 3, padding=1),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class ProtoNet(nn.Module):
    def __init__(self, x_dim=1, hid_dim=64, z_dim=64):
        super(ProtoNet, self).__init__()
        self.encoder = nn.Sequential(conv_block(x_dim, hid_dim), conv_block(hid_dim, hid_dim),
                                     conv_block(hid_dim, hid_dim), conv_block(hid_dim, z_dim))

    def forward(self, x):
        x = self.encoder(x)
        return x.view(x.size(0), -1)


def init_dataloader(opt, mode):
    dataset = OmniglotDataset(mode=mode, root=opt.dataset_root)
    sampler = PrototypicalBatchSampler(labels=dataset.y, classes_per_it=opt.classes_per_it_tr,
                                       num_samples=opt.num_support_tr + opt.num_query_tr, iterations=opt.iterations)
    return torch.utils.data.DataLoader(dataset, batch_sampler=sampler)


def init_protonet(opt):
    device = 'cuda:0' if torch.cuda.is_available() and opt.cuda else 'cpu'
    return ProtoNet().to(device)


def init_optim(opt, model):
    return torch.optim.Adam(params=model.parameters(), lr=opt.learning_rate)


def init_lr_scheduler(opt, optim):
    return torch.optim.lr_scheduler.StepLR(optimizer=optim, gamma=opt.lr_scheduler_gamma,
                                           step_size=opt.lr_scheduler_step)


def train(opt, tr_dataloader, model, optim, lr_scheduler):
    device = 'cuda:0' if torch.cuda.is_available() and opt.cuda else 'cpu'
    train_loss, train_acc = [], []
    for epoch in range(opt.epochs):
        print('=== Epoch: {} ==='.format(epoch))
        model.train()
        for batch in tqdm(iter(tr_dataloader)):
            optim.zero_grad()
            x, y = batch
            x, y = x.to(device), y.to(device)
            model_output = model(x)
            loss, acc = loss_fn(model_output, target=y, n_support=opt.num_support_tr)
            loss.backward()
            optim.step()
            train_loss.append(loss.item())
            train_acc.append(acc.item())
        print('Avg Train Loss: {}, Avg Train Acc: {}'.format(np.mean(train_loss[-opt.iterations:]),
                                                             np.mean(train_acc[-opt.iterations:])))
        lr_scheduler.step()
    torch.save(model.state_dict(), os.path.join(opt.experiment_root, 'last_model.pth'))


def main():
    options = get_parser().parse_args()
    os.makedirs(options.experiment_root, exist_ok=True)
    torch.manual_seed(options.manual_seed)
    tr_dataloader = init_dataloader(options, 'train')
    model = init_protonet(options)
    optim = init_optim(options, model)
    lr_scheduler = init_lr_scheduler(options, optim)
    train(options, tr_dataloader, model, optim, lr_scheduler)


if __name__ == '__main__':
    main()
