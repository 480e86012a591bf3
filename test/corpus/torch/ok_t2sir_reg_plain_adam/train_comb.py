# Idiom seen in: Max-1234-hub/T2S-IR train_comb.py
# Idiom seen in: Max-1234-hub/T2S-IR Regularization.py
# What it reproduces: squared-L2 Regularization module (weight_d 0.1) added to the loss while the student
# is trained with a plain optim.Adam(net.parameters(), lr) without weight_decay: one positive decay, clean.
import argparse
import torch
import torch.nn as nn
import torch.optim as optim

from Regularization import Regularization
from Time_Axis_Relation_Loss import IRLoss
from utils import get_network, get_weighted_mydataloader


def train_ir(train_loader, network, teacher_network, optimizer, epoch, loss_function, loss_function_ir):
    network.train()
    teacher_network.eval()
    for batch_index, (images, t_images, labels) in enumerate(train_loader):
        optimizer.zero_grad()
        outputs, feature_list = network(images, is_teacher=False, is_feat=True)
        with torch.no_grad():
            _, teacher_feature_list = teacher_network(t_images, is_teacher=True, is_feat=True)
        loss = loss_function(outputs, labels)
        if args.weight_d > 0:
            loss = loss + reg_loss(network)
        ir_loss = loss_function_ir(feature_list[:5], teacher_feature_list[:5])
        loss_afd = loss - args.ir_loss_weight * ir_loss
        loss_afd.backward()
        optimizer.step()
    print('epoch {} loss {:.4f}'.format(epoch, loss_afd.item()))
    return network


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--net', type=str, default='canet_wf_preprocess')
    parser.add_argument('--trained_teacher_net', type=str, default='trained_teacher_net/canet-best_fold1.pth')
    parser.add_argument('--b', type=int, default=256)
    parser.add_argument('--lr', type=float, default=0.0001)
    parser.add_argument('--epoch', type=int, default=100)
    parser.add_argument('--weight_d', type=float, default=0.1, help='weight decay for regularization')
    parser.add_argument('--ir_loss_weight', type=float, default=1.0)
    parser.add_argument('--data_path', type=str, default='data/myTensor_1.pt')
    args = parser.parse_args()

    net = get_network(args)
    teacher_net = get_network(args)
    teacher_net.load_state_dict(torch.load(args.trained_teacher_net))
    train_loader, weight_train, number_train = get_weighted_mydataloader(args.data_path, data_id=0, batch_size=args.b)

    if args.weight_d > 0:
        reg_loss = Regularization(net, args.weight_d, p=2)
    else:
        print("no regularization")

    loss_function_CE = nn.CrossEntropyLoss()
    loss_function_IR = IRLoss()
    optimizer = optim.Adam(net.parameters(), lr=args.lr)
    train_scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.1)
    for epoch in range(1, args.epoch + 1):
        net = train_ir(train_loader, net, teacher_net, optimizer, epoch, loss_function_CE, loss_function_IR)
        train_scheduler.step()
