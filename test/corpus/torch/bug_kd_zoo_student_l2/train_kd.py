# Idiom seen in: AberHu/Knowledge-Distillation-Zoo train_kd.py
# What it reproduces: logits/soft-target KD with a frozen teacher; the student's SGD(nesterov, weight_decay=1e-4)
# gets snet.parameters() (BatchNorm and fc bias decayed too, as in the repository), and an explicit L2 from a helper
# is also added to the student loss (a realistic addition), so the student's weights are decayed twice.
import argparse
import logging
import sys

import torch
import torch.backends.cudnn as cudnn
import torch.nn.functional as F
import torchvision.datasets as dst
import torchvision.transforms as transforms

from network import define_tsnet
from utils import AverageMeter, accuracy, load_pretrained_model

parser = argparse.ArgumentParser(description='train kd')
parser.add_argument('--img_root', type=str, default='./datasets')
parser.add_argument('--s_init', type=str, required=True)
parser.add_argument('--t_model', type=str, required=True)
parser.add_argument('--epochs', type=int, default=200)
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--lr', type=float, default=0.1)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--l2', type=float, default=5e-5, help='explicit L2 on the student')
parser.add_argument('--num_class', type=int, default=10)
parser.add_argument('--lambda_kd', type=float, default=1.0)
parser.add_argument('--T', type=float, default=4.0)
parser.add_argument('--cuda', type=int, default=1)
args, unparsed = parser.parse_known_args()
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(message)s')


def soft_target(out_s, out_t, T):
    return F.kl_div(F.log_softmax(out_s / T, dim=1), F.softmax(out_t / T, dim=1), reduction='batchmean') * T * T


def l2_penalty(net):
    return sum((p ** 2).sum() for p in net.parameters())


def train(train_loader, snet, tnet, optimizer, epoch):
    cls_losses, kd_losses, top1 = AverageMeter(), AverageMeter(), AverageMeter()
    snet.train()
    for i, (img, target) in enumerate(train_loader, start=1):
        if args.cuda:
            img, target = img.cuda(non_blocking=True), target.cuda(non_blocking=True)
        _, _, _, _, _, out_s = snet(img)
        with torch.no_grad():
            _, _, _, _, _, out_t = tnet(img)
        cls_loss = F.cross_entropy(out_s, target)
        kd_loss = soft_target(out_s, out_t.detach(), args.T) * args.lambda_kd
        loss = cls_loss + kd_loss + args.l2 * l2_penalty(snet)  # expect: WD201
        prec1, _ = accuracy(out_s, target, topk=(1, 5))
        cls_losses.update(cls_loss.item(), img.size(0))
        kd_losses.update(kd_loss.item(), img.size(0))
        top1.update(prec1.item(), img.size(0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    logging.info('Epoch[%d] Cls:%.4f KD:%.4f prec@1:%.2f', epoch, cls_losses.avg, kd_losses.avg, top1.avg)


def adjust_lr(optimizer, epoch):
    scale = 0.1
    lr_list = [args.lr] * 100 + [args.lr * scale] * 50 + [args.lr * scale * scale] * 50
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr_list[epoch - 1]


def main():
    torch.manual_seed(2)
    cudnn.benchmark = True
    snet = define_tsnet(name='resnet20', num_class=args.num_class, cuda=args.cuda)
    load_pretrained_model(snet, torch.load(args.s_init)['net'])
    tnet = define_tsnet(name='resnet110', num_class=args.num_class, cuda=args.cuda)
    load_pretrained_model(tnet, torch.load(args.t_model)['net'])
    tnet.eval()
    for param in tnet.parameters():
        param.requires_grad = False

    optimizer = torch.optim.SGD(snet.parameters(),  # expect: WD203
                                lr=args.lr,
                                momentum=args.momentum,
                                weight_decay=args.weight_decay,
                                nesterov=True)
    train_transform = transforms.Compose([
        transforms.Pad(4, padding_mode='reflect'), transforms.RandomCrop(32), transforms.RandomHorizontalFlip(),
        transforms.ToTensor(), transforms.Normalize(mean=(0.4914, 0.4822, 0.4465), std=(0.2470, 0.2435, 0.2616)),
    ])
    train_loader = torch.utils.data.DataLoader(
        dst.CIFAR10(root=args.img_root, transform=train_transform, train=True, download=True),
        batch_size=args.batch_size, shuffle=True, num_workers=4, pin_memory=True)
    for epoch in range(1, args.epochs + 1):
        adjust_lr(optimizer, epoch)
        train(train_loader, snet, tnet, optimizer, epoch)
        torch.save({'epoch': epoch, 'snet': snet.state_dict()}, 'student_last.pth.tar')


if __name__ == '__main__':
    main()
