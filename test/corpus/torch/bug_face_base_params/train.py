# Idiom seen in: wujiyang/Face_Pytorch train.py
# Idiom seen in: wujiyang/Face_Pytorch margin/ArcMarginProduct.py
# What it reproduces: the backbone is decayed through `filter(lambda p: id(p) not in ignored, net.parameters())`,
#   which only takes out the PReLU slopes: every BatchNorm weight/bias of the backbone still gets 5e-4 (real repo).
import argparse
import os

import torch
import torch.optim as optim
import torch.utils.data
from torch import nn
from torch.optim import lr_scheduler

from backbone import SEResNet_IR
from dataset.casia_webface import CASIAWebFace
from margin import ArcMarginProduct


def train(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    trainset = CASIAWebFace(args.train_root, args.train_file_list)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=args.batch_size, shuffle=True, num_workers=8)

    net = SEResNet_IR(feature_dim=args.feature_dim)
    margin = ArcMarginProduct(args.feature_dim, trainset.class_nums, s=args.scale_size)

    # define optimizers for different layer
    ignored_params_id = []
    ignored_params_id += list(map(id, margin.weight))
    prelu_params = []
    for m in net.modules():
        if isinstance(m, nn.PReLU):
            ignored_params_id += list(map(id, m.parameters()))
            prelu_params += m.parameters()
    base_params = filter(lambda p: id(p) not in ignored_params_id, net.parameters())

    optimizer_ft = optim.SGD([
        {'params': base_params, 'weight_decay': 5e-4},  # expect: WD203
        {'params': margin.weight, 'weight_decay': 5e-4},
        {'params': prelu_params, 'weight_decay': 0.0}
    ], lr=0.1, momentum=0.9, nesterov=True)
    exp_lr_scheduler = lr_scheduler.MultiStepLR(optimizer_ft, milestones=[12, 20, 26], gamma=0.1)

    net, margin = net.to(device), margin.to(device)
    criterion = torch.nn.CrossEntropyLoss().to(device)
    for epoch in range(1, args.total_epoch + 1):
        net.train()
        for img, label in trainloader:
            img, label = img.to(device), label.to(device)
            optimizer_ft.zero_grad()
            output = margin(net(img), label)
            total_loss = criterion(output, label)
            total_loss.backward()
            optimizer_ft.step()
        exp_lr_scheduler.step()
        torch.save({'net_state_dict': net.state_dict()}, os.path.join(args.save_dir, 'Epoch_%02d.ckpt' % epoch))


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='PyTorch for deep face recognition')
    parser.add_argument('--train_root', type=str, default='/media/ramdisk/webface_align_112')
    parser.add_argument('--train_file_list', type=str, default='/media/ramdisk/webface_align_train.list')
    parser.add_argument('--feature_dim', type=int, default=512)
    parser.add_argument('--scale_size', type=float, default=32.0)
    parser.add_argument('--batch_size', type=int, default=256)
    parser.add_argument('--total_epoch', type=int, default=30)
    parser.add_argument('--save_dir', type=str, default='./model')
    train(parser.parse_args())
