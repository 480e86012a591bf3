# Idiom seen in: YU1ut/MixMatch-pytorch train.py
# What it reproduces: MixMatch trains with Adam WITHOUT weight_decay; the decay is applied by hand in
# the EMA step (param.data.mul_(1 - wd), wd = 0.02 * lr), i.e. decoupled decay outside any loss or
# optimizer. No coupled L2, no penalty dropped: clean.
import argparse

import numpy as np
import torch
import torch.nn.functional as F
import torch.optim as optim
import torch.utils.data as data

import models.wideresnet as models
import dataset.cifar10 as dataset

parser = argparse.ArgumentParser(description='PyTorch MixMatch Training')
parser.add_argument('--epochs', default=1024, type=int)
parser.add_argument('--batch-size', default=64, type=int)
parser.add_argument('--lr', '--learning-rate', default=0.002, type=float)
parser.add_argument('--n-labeled', type=int, default=250)
parser.add_argument('--val-iteration', type=int, default=1024)
parser.add_argument('--alpha', default=0.75, type=float)
parser.add_argument('--lambda-u', default=75, type=float)
parser.add_argument('--T', default=0.5, type=float)
parser.add_argument('--ema-decay', default=0.999, type=float)
args = parser.parse_args()


class WeightEMA(object):
    def __init__(self, model, ema_model, alpha=0.999):
        self.model = model
        self.ema_model = ema_model
        self.alpha = alpha
        self.wd = 0.02 * args.lr
        for param, ema_param in zip(self.model.parameters(), self.ema_model.parameters()):
            ema_param.data.copy_(param.data)

    def step(self):
        one_minus_alpha = 1.0 - self.alpha
        for param, ema_param in zip(self.model.parameters(), self.ema_model.parameters()):
            ema_param.data.mul_(self.alpha)
            ema_param.data.add_(param.data.detach() * one_minus_alpha)
            # customized weight decay
            param.data.mul_(1 - self.wd)


def main():
    labeled_set, unlabeled_set, _, _ = dataset.get_cifar10('./data', args.n_labeled)
    labeled_loader = data.DataLoader(labeled_set, batch_size=args.batch_size, shuffle=True, drop_last=True)
    unlabeled_loader = data.DataLoader(unlabeled_set, batch_size=args.batch_size, shuffle=True, drop_last=True)

    model = models.WideResNet(num_classes=10).cuda()
    ema_model = models.WideResNet(num_classes=10).cuda()
    for p in ema_model.parameters():
        p.detach_()

    optimizer = optim.Adam(model.parameters(), lr=args.lr)
    ema_optimizer = WeightEMA(model, ema_model, alpha=args.ema_decay)

    for epoch in range(args.epochs):
        model.train()
        for (inputs_x, targets_x), ((inputs_u, inputs_u2), _) in zip(labeled_loader, unlabeled_loader):
            inputs_x, inputs_u, inputs_u2 = inputs_x.cuda(), inputs_u.cuda(), inputs_u2.cuda()
            targets_x = torch.zeros(inputs_x.size(0), 10).cuda().scatter_(1, targets_x.cuda().view(-1, 1), 1)
            with torch.no_grad():
                p = (torch.softmax(model(inputs_u), dim=1) + torch.softmax(model(inputs_u2), dim=1)) / 2
                pt = p ** (1 / args.T)
                targets_u = (pt / pt.sum(dim=1, keepdim=True)).detach()
            all_inputs = torch.cat([inputs_x, inputs_u, inputs_u2], dim=0)
            all_targets = torch.cat([targets_x, targets_u, targets_u], dim=0)
            lam = np.random.beta(args.alpha, args.alpha)
            lam = max(lam, 1 - lam)
            idx = torch.randperm(all_inputs.size(0))
            mixed_input = lam * all_inputs + (1 - lam) * all_inputs[idx]
            mixed_target = lam * all_targets + (1 - lam) * all_targets[idx]
            logits = model(mixed_input)
            bs = inputs_x.size(0)
            lx = -torch.mean(torch.sum(F.log_softmax(logits[:bs], dim=1) * mixed_target[:bs], dim=1))
            lu = torch.mean((torch.softmax(logits[bs:], dim=1) - mixed_target[bs:]) ** 2)
            loss = lx + args.lambda_u * min(epoch / 16.0, 1.0) * lu
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            ema_optimizer.step()


if __name__ == '__main__':
    main()
