# Idiom seen in: facebookresearch/swav eval_linear.py
# What it reproduces: linear evaluation of a frozen self-supervised ResNet-50 (RegLog head, SGD nesterov, momentum 0.9).
#   User mistake on top of the repo: defaults changed to MoCo's lr=30 recipe while --wd was set to 0.05 (a ViT
#   fine-tuning value) and nesterov on: lr*wd = 1.5 >= 2(1+m)/(1+2m) = 1.36, decay alone diverges (WD301). As in the
#   repo, the head's bias (and optional BN) sit in the one decayed group (WD203).
import argparse
import os
import time

import torch
import torch.nn as nn
import torch.backends.cudnn as cudnn
import torchvision.datasets as datasets
import torchvision.transforms as transforms

import src.resnet50 as resnet_models
from src.utils import AverageMeter, bool_flag, fix_random_seeds, init_distributed_mode, initialize_exp

parser = argparse.ArgumentParser(description="Evaluate models: Linear classification on ImageNet")
parser.add_argument("--dump_path", type=str, default=".")
parser.add_argument("--seed", type=int, default=31)
parser.add_argument("--data_path", type=str, default="/path/to/imagenet")
parser.add_argument("--workers", default=10, type=int)
parser.add_argument("--arch", default="resnet50", type=str)
parser.add_argument("--pretrained", default="", type=str)
parser.add_argument("--use_bn", default=False, type=bool_flag)
parser.add_argument("--epochs", default=100, type=int)
parser.add_argument("--batch_size", default=32, type=int)
parser.add_argument("--lr", default=30.0, type=float, help="initial learning rate (MoCo linear-eval recipe)")
parser.add_argument("--wd", default=5e-2, type=float, help="weight decay")  # expect: WD301
parser.add_argument("--nesterov", default=True, type=bool_flag, help="nesterov momentum")
parser.add_argument("--final_lr", type=float, default=0)


class RegLog(nn.Module):
    """Creates logistic regression on top of frozen features"""

    def __init__(self, num_labels, use_bn=False):
        super(RegLog, self).__init__()
        self.av_pool = nn.AdaptiveAvgPool2d((1, 1))
        self.bn = nn.BatchNorm2d(2048) if use_bn else None
        self.linear = nn.Linear(2048, num_labels)
        self.linear.weight.data.normal_(mean=0.0, std=0.01)
        self.linear.bias.data.zero_()

    def forward(self, x):
        x = self.av_pool(x)
        if self.bn is not None:
            x = self.bn(x)
        return self.linear(x.view(x.size(0), -1))


def train(model, reglog, optimizer, loader, epoch):
    losses = AverageMeter()
    model.eval()
    reglog.train()
    criterion = nn.CrossEntropyLoss().cuda()
    for it, (inp, target) in enumerate(loader):
        inp, target = inp.cuda(non_blocking=True), target.cuda(non_blocking=True)
        with torch.no_grad():
            output = model(inp)
        output = reglog(output)
        loss = criterion(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.update(loss.item(), inp.size(0))
    return epoch, losses.avg


def main():
    args = parser.parse_args()
    init_distributed_mode(args)
    fix_random_seeds(args.seed)
    logger, training_stats = initialize_exp(args, "epoch", "loss")

    normalize = transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.228, 0.224, 0.225])
    train_dataset = datasets.ImageFolder(os.path.join(args.data_path, "train"), transforms.Compose([
        transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(), transforms.ToTensor(), normalize]))
    sampler = torch.utils.data.distributed.DistributedSampler(train_dataset)
    train_loader = torch.utils.data.DataLoader(train_dataset, sampler=sampler, batch_size=args.batch_size,
                                               num_workers=args.workers, pin_memory=True)

    model = resnet_models.__dict__[args.arch](output_dim=0, eval_mode=True)
    linear_classifier = RegLog(1000, args.use_bn)
    linear_classifier = nn.SyncBatchNorm.convert_sync_batchnorm(linear_classifier)
    model = model.cuda()
    linear_classifier = nn.parallel.DistributedDataParallel(linear_classifier.cuda(),
                                                            device_ids=[args.gpu_to_work_on])
    if os.path.isfile(args.pretrained):
        state_dict = torch.load(args.pretrained, map_location="cuda:" + str(args.gpu_to_work_on))
        state_dict = {k.replace("module.", ""): v for k, v in state_dict.get("state_dict", state_dict).items()}
        model.load_state_dict(state_dict, strict=False)

    optimizer = torch.optim.SGD(
        linear_classifier.parameters(),  # expect: WD203
        lr=args.lr,
        nesterov=args.nesterov,
        momentum=0.9,
        weight_decay=args.wd,
    )
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, args.epochs, eta_min=args.final_lr)
    cudnn.benchmark = True

    for epoch in range(args.epochs):
        train_loader.sampler.set_epoch(epoch)
        start = time.time()
        scores = train(model, linear_classifier, optimizer, train_loader, epoch)
        training_stats.update(scores)
        scheduler.step()
        logger.info("epoch %i done in %.1fs" % (epoch, time.time() - start))


if __name__ == "__main__":
    main()
