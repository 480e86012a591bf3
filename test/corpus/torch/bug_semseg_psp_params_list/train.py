# Idiom seen in: hszhao/semseg tool/train.py
# What it reproduces: params_list built from whole modules (backbone at base_lr, heads at 10x) and
#   SGD(params_list, ..., weight_decay=args.weight_decay): no group excludes the BatchNorm
#   weights/biases or the classifier biases, so they are all decayed (the repository's own code).
import argparse

import torch
import torch.nn as nn

from model.pspnet import PSPNet
from util import dataset, transform
from util.util import AverageMeter, poly_learning_rate


def get_parser():
    parser = argparse.ArgumentParser(description='PyTorch Semantic Segmentation')
    parser.add_argument('--data_root', type=str, default='dataset/ade20k')
    parser.add_argument('--train_list', type=str, default='dataset/ade20k/list/training.txt')
    parser.add_argument('--classes', type=int, default=150)
    parser.add_argument('--layers', type=int, default=50)
    parser.add_argument('--base_lr', type=float, default=0.01)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=0.0001)
    parser.add_argument('--aux_weight', type=float, default=0.4)
    parser.add_argument('--power', type=float, default=0.9)
    parser.add_argument('--epochs', type=int, default=100)
    parser.add_argument('--batch_size', type=int, default=16)
    parser.add_argument('--resume', type=str, default='')
    return parser.parse_args()


def train(train_loader, model, optimizer, epoch, args, index_split):
    loss_meter = AverageMeter()
    model.train()
    max_iter = args.epochs * len(train_loader)
    for i, (input, target) in enumerate(train_loader):
        output, main_loss, aux_loss = model(input, target)
        main_loss, aux_loss = torch.mean(main_loss), torch.mean(aux_loss)
        loss = main_loss + args.aux_weight * aux_loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_meter.update(loss.item(), input.size(0))

        current_iter = epoch * len(train_loader) + i + 1
        current_lr = poly_learning_rate(args.base_lr, current_iter, max_iter, power=args.power)
        for index in range(0, index_split):
            optimizer.param_groups[index]['lr'] = current_lr
        for index in range(index_split, len(optimizer.param_groups)):
            optimizer.param_groups[index]['lr'] = current_lr * 10
    return loss_meter.avg


def main():
    args = get_parser()
    criterion = nn.CrossEntropyLoss(ignore_index=255)
    model = PSPNet(layers=args.layers, classes=args.classes, criterion=criterion)
    modules_ori = [model.layer0, model.layer1, model.layer2, model.layer3, model.layer4]
    modules_new = [model.ppm, model.cls, model.aux]
    params_list = []
    for module in modules_ori:
        params_list.append(dict(params=module.parameters(), lr=args.base_lr))
    for module in modules_new:
        params_list.append(dict(params=module.parameters(), lr=args.base_lr * 10))
    index_split = 5
    optimizer = torch.optim.SGD(params_list, lr=args.base_lr, momentum=args.momentum, weight_decay=args.weight_decay)  # expect: WD203
    model = torch.nn.DataParallel(model.cuda())

    start_epoch = 0
    if args.resume:
        checkpoint = torch.load(args.resume, map_location='cpu')
        start_epoch = checkpoint['epoch']
        model.load_state_dict(checkpoint['state_dict'])
        optimizer.load_state_dict(checkpoint['optimizer'])

    train_transform = transform.Compose([transform.RandScale([0.5, 2.0]), transform.ToTensor()])
    train_data = dataset.SemData(split='train', data_root=args.data_root, data_list=args.train_list,
                                 transform=train_transform)
    train_loader = torch.utils.data.DataLoader(train_data, batch_size=args.batch_size, shuffle=True,
                                               drop_last=True)
    for epoch in range(start_epoch, args.epochs):
        loss_train = train(train_loader, model, optimizer, epoch, args, index_split)
        print('epoch {} loss {:.4f}'.format(epoch + 1, loss_train))
        torch.save({'epoch': epoch + 1, 'state_dict': model.state_dict(),
                    'optimizer': optimizer.state_dict()}, 'exp/train_epoch_{}.pth'.format(epoch + 1))


if __name__ == '__main__':
    main()
