# Idiom seen in: CentauriStar/Rotation-Invariant-Point-Cloud-Analysis cls_trainer.py
# What it reproduces: a trainer object whose build_optimizer picks SGD (--use_sgd, lr scaled x100)
#   or Adam with a hard-coded weight_decay=1e-4: coupled L2 under Adam, and both optimizers get all
#   network parameters (BatchNorm scales and biases decayed). Same bug as the real repository.
import torch
import torch.nn.functional as F
from torch.optim import Adam, SGD

from torch_geometric.data import DataLoader
from Data import ScanObjectNNCls
import networks


class LazyScheduler(object):
    def step(self, epoch=None):
        pass


class cls_Trainer(object):
    def __init__(self, opt):
        self.opt = opt
        self.epoch = 0

    def build_dataset(self):
        self.train_dataset = ScanObjectNNCls(train=True, split='train')
        self.train_loader = DataLoader(self.train_dataset, batch_size=self.opt.batch_size, shuffle=True,
                                       num_workers=int(self.opt.workers), drop_last=False)
        self.opt.output_channels = int(self.train_dataset.class_num)

    def build_network(self):
        network = networks.scan_clsNet(self.opt)
        network.cuda()
        self.network = network

    def build_optimizer(self):
        self.opt.lrate = self.opt.lrate / 32 * self.opt.batch_size
        if self.opt.use_sgd:
            self.optimizer = SGD(self.network.parameters(), lr=self.opt.lrate * 100, momentum=self.opt.sgd_momentum,  # expect: WD203
                                 weight_decay=self.opt.weight_decay)
        else:
            self.optimizer = Adam(self.network.parameters(), lr=self.opt.lrate, weight_decay=1e-4)  # expect: WD202, WD203
        self.optimizer.zero_grad()
        if self.opt.use_annl:
            self.scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(self.optimizer, self.opt.nepoch, self.opt.lrate)
        else:
            self.scheduler = LazyScheduler()

    def build_losses(self):
        def cal_loss(pred, gold, smoothing=self.opt.smooth):
            gold = gold.contiguous().view(-1)
            if smoothing:
                eps = 0.2
                n_class = pred.size(1)
                one_hot = torch.zeros_like(pred).scatter(1, gold.view(-1, 1), 1)
                one_hot = one_hot * (1 - eps) + (1 - one_hot) * eps / (n_class - 1)
                return -(one_hot * F.log_softmax(pred, dim=1)).sum(dim=1).mean()
            return F.cross_entropy(pred, gold, reduction='mean')
        self.criterion = cal_loss

    def train_iteration(self):
        pred = self.network(self.data)
        loss = self.criterion(pred, self.label)
        loss.backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        return loss.item()

    def train_epoch(self):
        self.network.train()
        for data in self.train_loader:
            self.data = data.to('cuda')
            self.label = data.y.cuda()
            self.train_iteration()
        self.scheduler.step(epoch=self.epoch)
        self.epoch += 1
