# Idiom seen in: Max-1234-hub/light-VGG11 train.py
# Idiom seen in: Max-1234-hub/light-VGG11 Regularization.py
# What it reproduces: a Regularization module (squared L2 of every 'weight') added to the loss while
# optim.Adam(net.parameters(), weight_decay=5e-4) decays the same weights again: double decay, coupled
# L2 under Adam, and biases/BN decayed by the optimizer.
import argparse
import torch
import torch.nn as nn
import torch.optim as optim

from conf import settings
from utils import get_mydataloader


class Regularization(torch.nn.Module):
    def __init__(self, model, weight_decay, p=2):
        super(Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.model = model
        self.weight_decay = weight_decay
        self.p = p
        self.weight_list = self.get_weight(model)

    def forward(self, model):
        self.weight_list = self.get_weight(model)
        return self.regularization_loss(self.weight_list, self.weight_decay, p=self.p)

    def get_weight(self, model):
        return [(name, param) for name, param in model.named_parameters() if 'weight' in name]

    def regularization_loss(self, weight_list, weight_decay, p=2):
        reg_loss = 0
        for name, w in weight_list:
            reg_loss = reg_loss + torch.norm(w, p=p) ** 2
        return weight_decay * reg_loss


class LightVGG11(nn.Module):
    def __init__(self, num_classes=6):
        super().__init__()
        cfg = [16, 'M', 32, 'M', 64, 64, 'M', 128, 128, 'M']
        layers, cin = [], 1
        for v in cfg:
            if v == 'M':
                layers.append(nn.MaxPool2d(2, 2))
            else:
                layers += [nn.Conv2d(cin, v, 3, padding=1), nn.BatchNorm2d(v), nn.ReLU(inplace=True)]
                cin = v
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Linear(128, 64), nn.ReLU(inplace=True), nn.Linear(64, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(nn.functional.adaptive_avg_pool2d(self.features(x), 1), 1))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--b', type=int, default=64, help='batch size for dataloader')
    parser.add_argument('--lr', type=float, default=0.001, help='initial learning rate')
    parser.add_argument('--epoch', type=int, default=100, help='total training epoches')
    parser.add_argument('--weight_d', type=float, default=0.1, help='weight decay for regularization')
    parser.add_argument('--data_path', type=str, default='./data/myTensor_1.pt')
    args = parser.parse_args()

    net = LightVGG11().cuda()
    train_loader = get_mydataloader(args.data_path, data_id=0, batch_size=args.b, shuffle=True)
    if args.weight_d > 0:
        reg_loss = Regularization(net, args.weight_d, p=2)
    else:
        print("no regularization")

    loss_function = nn.CrossEntropyLoss()
    optimizer = optim.Adam(net.parameters(), lr=args.lr, weight_decay=5e-4)  # expect: WD202, WD203
    train_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=settings.STEP_SIZE, gamma=0.1)

    for epoch in range(1, args.epoch + 1):
        net.train()
        for batch_index, (images, labels) in enumerate(train_loader):
            images, labels = images.cuda(), labels.cuda()
            optimizer.zero_grad()
            outputs = net(images)
            loss = loss_function(outputs, labels)
            if args.weight_d > 0:
                loss = loss + reg_loss(net)  # expect: WD201
            loss.backward()
            optimizer.step()
        train_scheduler.step()
        print('Training Epoch: {} Loss: {:0.4f}'.format(epoch, loss.item()))
