# Idiom seen in: amdegroot/ssd.pytorch train.py
# Idiom seen in: amdegroot/ssd.pytorch layers/modules/l2norm.py
# What it reproduces: SSD training with optim.SGD(net.parameters(), ..., weight_decay=args.weight_decay):
# every conv bias and the L2Norm channel scale (initialised to 20) are decayed too.
import argparse
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torch.utils.data as data

from data import VOCDetection, VOC_ROOT, voc, detection_collate, SSDAugmentation
from layers.modules import MultiBoxLoss

parser = argparse.ArgumentParser(description='Single Shot MultiBox Detector Training With Pytorch')
parser.add_argument('--batch_size', default=32, type=int)
parser.add_argument('--lr', '--learning-rate', default=1e-3, type=float)
parser.add_argument('--momentum', default=0.9, type=float)
parser.add_argument('--weight_decay', default=5e-4, type=float, help='Weight decay for SGD')
parser.add_argument('--gamma', default=0.1, type=float)
parser.add_argument('--cuda', default=True, type=bool)
args = parser.parse_args()


class L2Norm(nn.Module):
    def __init__(self, n_channels, scale):
        super(L2Norm, self).__init__()
        self.gamma = scale or None
        self.eps = 1e-10
        self.weight = nn.Parameter(torch.Tensor(n_channels))
        nn.init.constant_(self.weight, self.gamma)

    def forward(self, x):
        norm = x.pow(2).sum(dim=1, keepdim=True).sqrt() + self.eps
        return self.weight.view(1, -1, 1, 1) * torch.div(x, norm)


class SSD(nn.Module):
    def __init__(self, num_classes):
        super(SSD, self).__init__()
        self.num_classes = num_classes
        self.vgg = nn.ModuleList([nn.Conv2d(3, 64, 3, padding=1), nn.Conv2d(64, 512, 3, padding=1, stride=8)])
        self.L2Norm = L2Norm(512, 20)
        self.extras = nn.ModuleList([nn.Conv2d(512, 256, 1), nn.Conv2d(256, 512, 3, stride=2, padding=1)])
        self.loc = nn.ModuleList([nn.Conv2d(512, 4 * 4, 3, padding=1), nn.Conv2d(512, 6 * 4, 3, padding=1)])
        self.conf = nn.ModuleList([nn.Conv2d(512, 4 * num_classes, 3, padding=1),
                                   nn.Conv2d(512, 6 * num_classes, 3, padding=1)])

    def forward(self, x):
        for v in self.vgg:
            x = F.relu(v(x), inplace=True)
        sources = [self.L2Norm(x)]
        for k, v in enumerate(self.extras):
            x = F.relu(v(x), inplace=True)
        sources.append(x)
        loc = torch.cat([l(s).permute(0, 2, 3, 1).reshape(s.size(0), -1) for s, l in zip(sources, self.loc)], 1)
        conf = torch.cat([c(s).permute(0, 2, 3, 1).reshape(s.size(0), -1) for s, c in zip(sources, self.conf)], 1)
        return loc.view(loc.size(0), -1, 4), conf.view(conf.size(0), -1, self.num_classes)


def train():
    cfg = voc
    dataset = VOCDetection(root=VOC_ROOT, transform=SSDAugmentation(cfg['min_dim']))
    ssd_net = SSD(cfg['num_classes'])
    net = ssd_net
    if args.cuda:
        net = torch.nn.DataParallel(ssd_net).cuda()

    optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum,  # expect: WD203
                          weight_decay=args.weight_decay)
    criterion = MultiBoxLoss(cfg['num_classes'], 0.5, True, 0, True, 3, 0.5, False, args.cuda)
    data_loader = data.DataLoader(dataset, args.batch_size, shuffle=True, collate_fn=detection_collate)
    net.train()
    for iteration, (images, targets) in enumerate(data_loader):
        out = net(images.cuda())
        loss_l, loss_c = criterion(out, targets)
        loss = loss_l + loss_c
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if iteration % 10 == 0:
            print('iter ' + repr(iteration) + ' || Loss: %.4f ||' % (loss.item()))
        if iteration == cfg['max_iter']:
            break


if __name__ == '__main__':
    train()
