# Idiom seen in: yycris/Multi-label-Deep-Learning-Framework-Research-in-MVI train.py
# What it reproduces: microvascular-invasion prediction: the trainer takes net.parameters() into a name and
#   builds torch.optim.Adam(model_params, lr=config.learning_rate, weight_decay=0.01). That is coupled L2
#   under Adam (WD202) on every parameter, BatchNorm and biases included (WD203), as the repository does.
import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter
from tqdm import tqdm

import config
import CGAResNet
from dataloader import Dataset, data_list


def train_on_epochs(train_dataset, val_dataset, pre_train):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    net = CGAResNet.resnet(4, 4, mode='resnet18', pretrained=False)
    if pre_train != '':
        net.load_state_dict(torch.load(pre_train), strict=False)
    net.to(device)

    model_params = net.parameters()
    optimizer = torch.optim.Adam(model_params, lr=config.learning_rate, weight_decay=0.01)  # expect: WD202, WD203
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=config.step_size, gamma=config.gamma)

    classification_loss_fn = nn.BCEWithLogitsLoss(weight=torch.tensor([1, 0.1, 0.1]).to(device))
    regression_loss_fn = nn.MSELoss()
    writer = SummaryWriter('./logs/CGAResNet18')
    train_loader = DataLoader(train_dataset, **config.dataset_params)

    for epoch in range(config.epoches):
        net.train()
        running_loss = 0.0
        train_bar = tqdm(train_loader)
        for step, (imgs_x, imgs_y, labs) in enumerate(train_bar):
            labels = labs.to(torch.float32).to(device)
            optimizer.zero_grad()
            logits = net(imgs_x.float().to(device), imgs_y.float().to(device))
            classification_loss = classification_loss_fn(logits[:, :3], labels[:, :3])
            regression_loss = regression_loss_fn(logits[:, 3], labels[:, 3])
            loss = classification_loss + (0.01 * regression_loss)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            train_bar.desc = "train epoch[{}/{}] loss:{:.3f}".format(epoch + 1, config.epoches, loss)
        scheduler.step()
        writer.add_scalar('train_loss', running_loss / len(train_loader), epoch)
        torch.save(net.state_dict(), config.save_path + 'CGAResNet18_last.pth')


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data', type=str, default='./data')
    parser.add_argument('--pretrain', type=str, default='')
    opt = parser.parse_args()
    train_paths, val_paths, _ = data_list(opt.data)
    train_on_epochs(Dataset(train_paths), Dataset(val_paths), opt.pretrain)
