# Idiom seen in: sthalles/SimCLR run.py
# What it reproduces: SimCLR pretraining entry point that builds Adam(model.parameters(), lr, weight_decay=args.weight_decay)
#   exactly as the repository does: weight decay 1e-4 given to Adam is coupled L2 (WD202), and it hits the
#   ResNet's BatchNorm and bias parameters too because the whole model.parameters() is one group (WD203).
import argparse

import torch
import torch.backends.cudnn as cudnn
from torchvision import models

from data_aug.contrastive_learning_dataset import ContrastiveLearningDataset
from models.resnet_simclr import ResNetSimCLR
from simclr import SimCLR

model_names = sorted(name for name in models.__dict__
                     if name.islower() and not name.startswith("__")
                     and callable(models.__dict__[name]))

parser = argparse.ArgumentParser(description='PyTorch SimCLR')
parser.add_argument('-data', metavar='DIR', default='./datasets', help='path to dataset')
parser.add_argument('-dataset-name', default='stl10', choices=['stl10', 'cifar10'])
parser.add_argument('-a', '--arch', metavar='ARCH', default='resnet18', choices=model_names)
parser.add_argument('-j', '--workers', default=12, type=int, metavar='N')
parser.add_argument('--epochs', default=200, type=int, metavar='N')
parser.add_argument('-b', '--batch-size', default=256, type=int, metavar='N')
parser.add_argument('--lr', '--learning-rate', default=0.0003, type=float, metavar='LR', dest='lr')
parser.add_argument('--wd', '--weight-decay', default=1e-4, type=float, metavar='W',
                    help='weight decay (default: 1e-4)', dest='weight_decay')
parser.add_argument('--seed', default=None, type=int)
parser.add_argument('--disable-cuda', action='store_true')
parser.add_argument('--fp16-precision', action='store_true')
parser.add_argument('--out_dim', default=128, type=int)
parser.add_argument('--log-every-n-steps', default=100, type=int)
parser.add_argument('--temperature', default=0.07, type=float)
parser.add_argument('--n-views', default=2, type=int, metavar='N')
parser.add_argument('--gpu-index', default=0, type=int)


def main():
    args = parser.parse_args()
    assert args.n_views == 2, "Only two view training is supported."
    if not args.disable_cuda and torch.cuda.is_available():
        args.device = torch.device('cuda')
        cudnn.deterministic = True
        cudnn.benchmark = True
    else:
        args.device = torch.device('cpu')
        args.gpu_index = -1

    dataset = ContrastiveLearningDataset(args.data)
    train_dataset = dataset.get_dataset(args.dataset_name, args.n_views)
    train_loader = torch.utils.data.DataLoader(
        train_dataset, batch_size=args.batch_size, shuffle=True,
        num_workers=args.workers, pin_memory=True, drop_last=True)

    model = ResNetSimCLR(base_model=args.arch, out_dim=args.out_dim)

    optimizer = torch.optim.Adam(model.parameters(), args.lr, weight_decay=args.weight_decay)  # expect: WD202, WD203

    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=len(train_loader),
                                                           eta_min=0, last_epoch=-1)

    with torch.cuda.device(args.gpu_index):
        simclr = SimCLR(model=model, optimizer=optimizer, scheduler=scheduler, args=args)
        simclr.train(train_loader)


if __name__ == "__main__":
    main()
