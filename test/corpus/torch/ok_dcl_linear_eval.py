# Idiom seen in: chingyaoc/DCL linear.py
# What it reproduces: linear evaluation of a pretrained SimCLR encoder: the trunk is frozen
#   (requires_grad False) and only the Linear classifier is trained with Adam and no weight decay: clean.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from tqdm import tqdm

import utils
from model import Model


class Net(nn.Module):
    def __init__(self, num_class, pretrained_path):
        super(Net, self).__init__()
        self.f = Model().f
        self.fc = nn.Linear(2048, num_class, bias=True)
        self.load_state_dict(torch.load(pretrained_path, map_location='cpu'), strict=False)

    def forward(self, x):
        x = self.f(x)
        feature = torch.flatten(x, start_dim=1)
        return self.fc(feature)


def train_val(net, data_loader, train_optimizer, loss_criterion):
    is_train = train_optimizer is not None
    net.train() if is_train else net.eval()
    total_loss, total_correct, total_num = 0.0, 0.0, 0
    with (torch.enable_grad() if is_train else torch.no_grad()):
        for data, target in tqdm(data_loader):
            data, target = data.cuda(non_blocking=True), target.cuda(non_blocking=True)
            out = net(data)
            loss = loss_criterion(out, target)
            if is_train:
                train_optimizer.zero_grad()
                loss.backward()
                train_optimizer.step()
            total_num += data.size(0)
            total_loss += loss.item() * data.size(0)
            total_correct += (out.argmax(dim=-1) == target).float().sum().item()
    return total_loss / total_num, total_correct / total_num * 100


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Linear Evaluation')
    parser.add_argument('--model_path', type=str, default='results/model_400.pth')
    parser.add_argument('--batch_size', type=int, default=512)
    parser.add_argument('--epochs', type=int, default=100)
    args = parser.parse_args()

    train_data = utils.STL10(root='data', split='train', transform=utils.train_transform)
    train_loader = DataLoader(train_data, batch_size=args.batch_size, shuffle=True, num_workers=16)
    test_data = utils.STL10(root='data', split='test', transform=utils.test_transform)
    test_loader = DataLoader(test_data, batch_size=args.batch_size, shuffle=False, num_workers=16)

    model = Net(num_class=len(train_data.classes), pretrained_path=args.model_path).cuda()
    for param in model.f.parameters():
        param.requires_grad = False

    optimizer = optim.Adam(model.fc.parameters(), lr=1e-3)
    loss_criterion = nn.CrossEntropyLoss()
    for epoch in range(1, args.epochs + 1):
        train_val(model, train_loader, optimizer, loss_criterion)
        test_loss, test_acc = train_val(model, test_loader, None, loss_criterion)
        print('Epoch {}: test acc {:.2f}%'.format(epoch, test_acc))
