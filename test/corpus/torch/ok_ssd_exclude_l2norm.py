# Idiom seen in: amdegroot/ssd.pytorch train.py
# Idiom seen in: amdegroot/ssd.pytorch layers/modules/l2norm.py
# What it reproduces: SSD training where the L2Norm scale and every conv bias go into a group with
# weight_decay 0 and only the conv kernels are decayed by SGD with momentum: clean.
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
args = parser.parse_args()


class L2Norm(nn.Module):
    def __init__(self, n_channels, scale):
        super(L2Norm, self).__init__()
        self.eps = 1e-10
        self.weight = nn.Parameter(torch.Tensor(n_channels))
        nn.init.constant_(self.weight, scale)

    def forward(self, x):
        norm = x.pow(2).sum(dim=1, keepdim=True).sqrt() + self.eps
        return self.weight.view(1, -1, 1, 1) * torch.div(x, norm)


class SSD(nn.Module):
    def __init__(self, num_classes):
        super(SSD, self).__init__()
        self.num_classes = num_classes
        self.vgg = nn.ModuleList([nn.Conv2d(3, 64, 3, padding=1), nn.Conv2d(64, 512, 3, padding=1, stride=8)])
        self.L2Norm = L2Norm(512, 20)
        self.loc = nn.Conv2d(512, 4 * 4, 3, padding=1)
        self.conf = nn.Conv2d(512, 4 * num_classes, 3, padding=1)

    def forward(self, x):
        for v in self.vgg:
            x = F.relu(v(x), inplace=True)
        s = self.L2Norm(x)
        loc = self.loc(s).permute(0, 2, 3, 1).reshape(s.size(0), -1, 4)
        conf = self.conf(s).permute(0, 2, 3, 1).reshape(s.size(0), -1, self.num_classes)
        return loc, conf


def train():
    cfg = voc
    dataset = VOCDetection(root=VOC_ROOT, transform=SSDAugmentation(cfg['min_dim']))
    ssd_net = SSD(cfg['num_classes'])
    net = torch.nn.DataParallel(ssd_net).cuda()

    decay, no_decay = [], []
    for name, param in ssd_net.named_parameters():
        if name.endswith('.bias') or name.startswith('L2Norm'):
            no_decay.append(param)
        else:
            decay.append(param)
    optimizer = optim.SGD([{'params': decay, 'weight_decay': args.weight_decay},
                           {'params': no_decay, 'weight_decay': 0.}],
                          lr=args.lr, momentum=args.momentum)
    criterion = MultiBoxLoss(cfg['num_classes'], 0.5, True, 0, True, 3, 0.5, False, True)
    data_loader = data.DataLoader(dataset, args.batch_size, shuffle=True, collate_fn=detection_collate)
    net.train()
    for iteration, (images, targets) in enumerate(data_loader):
        loss_l, loss_c = criterion(net(images.cuda()), targets)
        loss = loss_l + loss_c
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if iteration == cfg['max_iter']:
            break


if __name__ == '__main__':
    train()
