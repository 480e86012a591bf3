# Idiom seen in: ozan-oktay/Attention-Gated-Networks models/feedforward_seg_model.py
# What it reproduces: the segmentation wrapper builds optim.Adam(self.net.parameters(), ...,
#   weight_decay=opts.l2_reg_weight) over a call spread on several lines: coupled L2 under Adam (WD202,
#   at the keyword) on one group holding every conv bias and BatchNorm parameter of the U-Net (WD203).
from collections import OrderedDict

import torch
import torch.optim as optim

from .networks.unet_2D import unet_2D
from .layers.loss import SoftDiceLoss, cross_entropy_2D
from .networks_other import get_scheduler, print_network


class FeedForwardSegmentation(object):

    def name(self):
        return 'FeedForwardSegmentation'

    def initialize(self, opts):
        self.isTrain = opts.isTrain
        self.input = None
        self.target = None
        self.net = unet_2D(feature_scale=opts.feature_scale, n_classes=opts.output_nc,
                           in_channels=opts.input_nc, is_batchnorm=True)

        if self.isTrain:
            if opts.criterion == 'cross_entropy':
                self.criterion = cross_entropy_2D
            else:
                self.criterion = SoftDiceLoss(opts.output_nc)

            self.schedulers = []
            self.optimizers = []
            self.optimizer_S = optim.Adam(self.net.parameters(),  # expect: WD203
                                          lr=opts.lr_rate,
                                          betas=(0.9, 0.999),
                                          weight_decay=opts.l2_reg_weight  # expect: WD202
                                          )
            self.optimizers.append(self.optimizer_S)
            print_network(self.net)

    def set_scheduler(self, train_opt):
        for optimizer in self.optimizers:
            self.schedulers.append(get_scheduler(optimizer, train_opt))

    def set_input(self, *inputs):
        self.input, self.target = inputs[0], inputs[1]

    def forward(self, split):
        if split == 'train':
            self.prediction = self.net(self.input)
        else:
            with torch.no_grad():
                self.prediction = self.net(self.input)

    def backward(self):
        self.loss_S = self.criterion(self.prediction, self.target)
        self.loss_S.backward()

    def optimize_parameters(self):
        self.net.train()
        self.forward(split='train')
        self.optimizer_S.zero_grad()
        self.backward()
        self.optimizer_S.step()

    def get_current_errors(self):
        return OrderedDict([('Seg_Loss', self.loss_S.item())])

    def update_learning_rate(self):
        for scheduler in self.schedulers:
            scheduler.step()
