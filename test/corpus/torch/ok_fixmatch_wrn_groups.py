# Idiom seen in: kekmodel/FixMatch-pytorch train.py
# Idiom seen in: kekmodel/FixMatch-pytorch models/wideresnet.py
# What it reproduces: FixMatch training with SGD(nesterov) over two groups, no_decay = ['bias', 'bn'] at 0.0 and
#   everything else at --wdecay; every BatchNorm of the WideResNet is named bn1/bn2, so the split is complete, and the
#   loss is labelled CE + lambda_u * masked pseudo-label CE (clean).
import argparse
import math
import torch
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import LambdaLR
from torch.utils.data import DataLoader, RandomSampler
from dataset.cifar import DATASET_GETTERS
import torch.nn as nn


class BasicBlock(nn.Module):
    def __init__(self, in_planes, out_planes, stride, drop_rate=0.0, activate_before_residual=False):
        super(BasicBlock, self).__init__()
        self.bn1 = nn.BatchNorm2d(in_planes, momentum=0.001)
        self.relu1 = nn.LeakyReLU(negative_slope=0.1, inplace=True)
        self.conv1 = nn.Conv2d(in_planes, out_planes, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_planes, momentum=0.001)
        self.relu2 = nn.LeakyReLU(negative_slope=0.1, inplace=True)
        self.conv2 = nn.Conv2d(out_planes, out_planes, 3, stride=1, padding=1, bias=False)
        self.drop_rate = drop_rate
        self.equalInOut = (in_planes == out_planes)
        self.convShortcut = (not self.equalInOut) and nn.Conv2d(in_planes, out_planes, 1, stride=stride,
                                                                padding=0, bias=False) or None
        self.activate_before_residual = activate_before_residual

    def forward(self, x):
        if not self.equalInOut and self.activate_before_residual:
            x = self.relu1(self.bn1(x))
            out = x
        else:
            out = self.relu1(self.bn1(x))
        out = self.relu2(self.bn2(self.conv1(out if self.equalInOut else x)))
        if self.drop_rate > 0:
            out = F.dropout(out, p=self.drop_rate, training=self.training)
        out = self.conv2(out)
        return torch.add(x if self.equalInOut else self.convShortcut(x), out)


class WideResNet(nn.Module):
    def __init__(self, num_classes, depth=28, widen_factor=2, drop_rate=0.0):
        super(WideResNet, self).__init__()
        channels = [16, 16 * widen_factor, 32 * widen_factor, 64 * widen_factor]
        n = (depth - 4) // 6
        self.conv1 = nn.Conv2d(3, channels[0], 3, stride=1, padding=1, bias=False)
        self.block1 = self._make(n, channels[0], channels[1], 1, drop_rate, True)
        self.block2 = self._make(n, channels[1], channels[2], 2, drop_rate)
        self.block3 = self._make(n, channels[2], channels[3], 2, drop_rate)
        self.bn1 = nn.BatchNorm2d(channels[3], momentum=0.001)
        self.relu = nn.LeakyReLU(negative_slope=0.1, inplace=True)
        self.fc = nn.Linear(channels[3], num_classes)
        self.channels = channels[3]

    @staticmethod
    def _make(n, in_planes, out_planes, stride, drop_rate, activate_before_residual=False):
        return nn.Sequential(*[BasicBlock(i == 0 and in_planes or out_planes, out_planes, i == 0 and stride or 1,
                                          drop_rate, activate_before_residual) for i in range(n)])

    def forward(self, x):
        out = self.block3(self.block2(self.block1(self.conv1(x))))
        out = F.adaptive_avg_pool2d(self.relu(self.bn1(out)), 1)
        return self.fc(out.view(-1, self.channels))


def build_wideresnet(depth, widen_factor, dropout, num_classes):
    return WideResNet(depth=depth, widen_factor=widen_factor, drop_rate=dropout, num_classes=num_classes)


def get_cosine_schedule_with_warmup(optimizer, num_warmup_steps, num_training_steps, num_cycles=7. / 16.):
    def _lr_lambda(current_step):
        if current_step < num_warmup_steps:
            return float(current_step) / float(max(1, num_warmup_steps))
        no_progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
        return max(0., math.cos(math.pi * num_cycles * no_progress))
    return LambdaLR(optimizer, _lr_lambda)


def main():
    parser = argparse.ArgumentParser(description='PyTorch FixMatch Training')
    parser.add_argument('--dataset', default='cifar10', type=str)
    parser.add_argument('--total-steps', default=2 ** 20, type=int)
    parser.add_argument('--eval-step', default=1024, type=int)
    parser.add_argument('--batch-size', default=64, type=int)
    parser.add_argument('--lr', default=0.03, type=float)
    parser.add_argument('--wdecay', default=5e-4, type=float, help='weight decay')
    parser.add_argument('--nesterov', action='store_true', default=True)
    parser.add_argument('--mu', default=7, type=int)
    parser.add_argument('--lambda-u', default=1, type=float)
    parser.add_argument('--T', default=1, type=float)
    parser.add_argument('--threshold', default=0.95, type=float)
    args = parser.parse_args()

    labeled_dataset, unlabeled_dataset, _ = DATASET_GETTERS[args.dataset](args, './data')
    labeled_loader = DataLoader(labeled_dataset, sampler=RandomSampler(labeled_dataset),
                                batch_size=args.batch_size, drop_last=True)
    unlabeled_loader = DataLoader(unlabeled_dataset, sampler=RandomSampler(unlabeled_dataset),
                                  batch_size=args.batch_size * args.mu, drop_last=True)

    model = build_wideresnet(depth=28, widen_factor=2, dropout=0, num_classes=10)

    no_decay = ['bias', 'bn']
    grouped_parameters = [
        {'params': [p for n, p in model.named_parameters() if not any(
            nd in n for nd in no_decay)], 'weight_decay': args.wdecay},
        {'params': [p for n, p in model.named_parameters() if any(
            nd in n for nd in no_decay)], 'weight_decay': 0.0}
    ]
    optimizer = optim.SGD(grouped_parameters, lr=args.lr, momentum=0.9, nesterov=args.nesterov)
    scheduler = get_cosine_schedule_with_warmup(optimizer, 0, args.total_steps)

    model.train()
    labeled_iter, unlabeled_iter = iter(labeled_loader), iter(unlabeled_loader)
    for step in range(args.total_steps):
        inputs_x, targets_x = next(labeled_iter)
        (inputs_u_w, inputs_u_s), _ = next(unlabeled_iter)
        batch_size = inputs_x.shape[0]
        logits = model(torch.cat((inputs_x, inputs_u_w, inputs_u_s)))
        logits_x = logits[:batch_size]
        logits_u_w, logits_u_s = logits[batch_size:].chunk(2)

        Lx = F.cross_entropy(logits_x, targets_x, reduction='mean')
        pseudo_label = torch.softmax(logits_u_w.detach() / args.T, dim=-1)
        max_probs, targets_u = torch.max(pseudo_label, dim=-1)
        mask = max_probs.ge(args.threshold).float()
        Lu = (F.cross_entropy(logits_u_s, targets_u, reduction='none') * mask).mean()
        loss = Lx + args.lambda_u * Lu

        loss.backward()
        optimizer.step()
        scheduler.step()
        model.zero_grad()


if __name__ == '__main__':
    main()
