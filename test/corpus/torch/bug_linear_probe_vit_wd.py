# Idiom seen in: facebookresearch/moco main_lincls.py
# What it reproduces: MoCo's linear-classification script (frozen backbone, SGD on fc.weight/fc.bias,
#   lr=30) with the --wd default changed to the ViT pretraining recipe's 0.05 instead of MoCo's 0.
#   lr*wd = 30*0.05 = 1.5 >= 1: each SGD step flips the sign of the classifier weights.
# label-note: WD301 on the default of --wd (the offending decay value; lr default 30.0 is positional in
#   the SGD call). WD203 on the SGD weight_decay line: fc.bias is one of the two decayed parameters.
import argparse
import os

import torch
import torch.nn as nn
import torchvision.models as models

from lincls_data import build_loaders
from meters import AverageMeter, accuracy

parser = argparse.ArgumentParser(description="Linear probe on frozen features")
parser.add_argument("data", metavar="DIR")
parser.add_argument("-a", "--arch", default="resnet50")
parser.add_argument("--epochs", default=100, type=int)
parser.add_argument("--lr", "--learning-rate", default=30.0, type=float, dest="lr")
parser.add_argument("--schedule", default=[60, 80], nargs="*", type=int)
parser.add_argument("--momentum", default=0.9, type=float)
parser.add_argument("--wd", "--weight-decay", default=0.05, type=float,  # expect: WD301
                    dest="weight_decay", help="same as pretraining")
parser.add_argument("--pretrained", default="", type=str)


def main():
    args = parser.parse_args()
    model = models.__dict__[args.arch]()
    for name, param in model.named_parameters():
        if name not in ["fc.weight", "fc.bias"]:
            param.requires_grad = False
    model.fc.weight.data.normal_(mean=0.0, std=0.01)
    model.fc.bias.data.zero_()
    if os.path.isfile(args.pretrained):
        state = torch.load(args.pretrained, map_location="cpu")["state_dict"]
        model.load_state_dict(state, strict=False)
    model = model.cuda()

    criterion = nn.CrossEntropyLoss().cuda()
    parameters = list(filter(lambda p: p.requires_grad, model.parameters()))
    assert len(parameters) == 2  # fc.weight, fc.bias
    optimizer = torch.optim.SGD(parameters, args.lr, momentum=args.momentum,
                                weight_decay=args.weight_decay)  # expect: WD203

    train_loader, val_loader = build_loaders(args.data)
    for epoch in range(args.epochs):
        lr = args.lr
        for milestone in args.schedule:
            lr *= 0.1 if epoch >= milestone else 1.0
        for group in optimizer.param_groups:
            group["lr"] = lr
        train(train_loader, model, criterion, optimizer, epoch)


def train(train_loader, model, criterion, optimizer, epoch):
    top1 = AverageMeter("Acc@1")
    model.eval()  # frozen BN statistics, as in the linear protocol
    for images, target in train_loader:
        images, target = images.cuda(non_blocking=True), target.cuda(non_blocking=True)
        output = model(images)
        loss = criterion(output, target)
        top1.update(accuracy(output, target)[0].item(), images.size(0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: train acc@1 {top1.avg:.2f}")


if __name__ == "__main__":
    main()
