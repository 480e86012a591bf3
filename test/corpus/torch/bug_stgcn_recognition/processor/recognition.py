# Idiom seen in: yysijie/st-gcn processor/recognition.py
# Idiom seen in: yysijie/st-gcn processor/processor.py
# What it reproduces: REC_Processor.load_optimizer picks SGD or Adam by the --optimizer string and gives
#   both all of self.model.parameters() with --weight_decay (1e-4): BatchNorm, biases and the edge
#   importance masks decay too, and the Adam branch is coupled L2.
import sys
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

from torchlight import str2bool, import_class

from .processor import Processor


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        m.weight.data.normal_(0.0, 0.02)
        if m.bias is not None:
            m.bias.data.fill_(0)
    elif classname.find('BatchNorm') != -1:
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


class REC_Processor(Processor):
    def load_model(self):
        Model = import_class(self.arg.model)
        self.model = Model(**(self.arg.model_args))
        self.model.apply(weights_init)
        self.loss = nn.CrossEntropyLoss()

    def load_optimizer(self):
        if self.arg.optimizer == 'SGD':
            self.optimizer = optim.SGD(
                self.model.parameters(),  # expect: WD203
                lr=self.arg.base_lr,
                momentum=0.9,
                nesterov=self.arg.nesterov,
                weight_decay=self.arg.weight_decay)
        elif self.arg.optimizer == 'Adam':
            self.optimizer = optim.Adam(
                self.model.parameters(),  # expect: WD203
                lr=self.arg.base_lr,
                weight_decay=self.arg.weight_decay)  # expect: WD202
        else:
            raise ValueError()

    def adjust_lr(self):
        if self.arg.optimizer == 'SGD' and self.arg.step:
            lr = self.arg.base_lr * (0.1 ** np.sum(self.meta_info['epoch'] >= np.array(self.arg.step)))
            for param_group in self.optimizer.param_groups:
                param_group['lr'] = lr
            self.lr = lr
        else:
            self.lr = self.arg.base_lr

    def train(self):
        self.model.train()
        self.adjust_lr()
        loss_value = []
        for data, label in self.data_loader['train']:
            data = data.float().to(self.dev)
            label = label.long().to(self.dev)
            output = self.model(data)
            loss = self.loss(output, label)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            loss_value.append(loss.data.item())
        self.epoch_info['mean_loss'] = np.mean(loss_value)

    @staticmethod
    def get_parser(add_help=False):
        parent_parser = Processor.get_parser(add_help=False)
        parser = argparse_child(parent_parser, add_help)
        parser.add_argument('--base_lr', type=float, default=0.01, help='initial learning rate')
        parser.add_argument('--step', type=int, default=[], nargs='+')
        parser.add_argument('--optimizer', default='SGD', help='type of optimizer')
        parser.add_argument('--nesterov', type=str2bool, default=True)
        parser.add_argument('--weight_decay', type=float, default=0.0001, help='weight decay for optimizer')
        return parser


def argparse_child(parent_parser, add_help):
    import argparse
    return argparse.ArgumentParser(add_help=add_help, parents=[parent_parser],
                                   description='Spatial Temporal Graph Convolution Network')


if __name__ == '__main__':
    processor = REC_Processor(sys.argv[1:])
    processor.start()
