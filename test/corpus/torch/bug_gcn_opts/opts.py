# Idiom seen in: bmsookim/graph-cnn.pytorch opts.py
# What it reproduces: argparse wrapped in BaseOptions/TrainOptions classes; weight_decay and the optimizer choice come from the command line (defaults: SGD, 5e-4).
import argparse


class BaseOptions():
    def __init__(self):
        self.parser = argparse.ArgumentParser(formatter_class=argparse.ArgumentDefaultsHelpFormatter)
        self.initialized = False

    def initialize(self):
        self.parser.add_argument('--dataroot', type=str, default='./data/Planetoid', help='path')
        self.parser.add_argument('--dataset', type=str, default='cora', help='[cora | citeseer | pubmed]')
        self.parser.add_argument('--num_hidden', type=int, default=16, help='number of features')
        self.parser.add_argument('--dropout', type=float, default=0.5, help='dropout')
        self.parser.add_argument('--weight_decay', type=float, default=5e-4, help='weight decay')
        self.parser.add_argument('--init_type', type=str, default='uniform', help='[uniform | xavier]')

    def parse(self):
        if not self.initialized:
            self.initialize()
        self.opt = self.parser.parse_args()
        self.opt.isTrain = self.isTrain
        return self.opt


class TrainOptions(BaseOptions):
    def initialize(self):
        BaseOptions.initialize(self)
        self.parser.add_argument('--lr', type=float, default=1e-2, help='initial learning rate')
        self.parser.add_argument('--optimizer', type=str, default='SGD', help='[SGD | Adam]')
        self.parser.add_argument('--epoch', type=int, default=2000, help='number of training epochs')
        self.parser.add_argument('--lr_decay_epoch', type=int, default=500, help='halve the lr every n epochs')
        self.isTrain = True
