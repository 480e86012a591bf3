# Idiom seen in: yysijie/st-gcn processor/processor.py
# Idiom seen in: yysijie/st-gcn processor/recognition.py
# What it reproduces: the base Processor whose constructor calls load_model() and load_optimizer(),
#   which the recognition subclass overrides; --optimizer and --weight_decay come from argparse/yaml.
import argparse
import yaml
import torch
import torchlight
from torchlight import str2bool, DictAction, import_class


class Processor(object):
    def __init__(self, argv=None):
        self.load_arg(argv)
        self.init_environment()
        self.load_model()
        self.gpu()
        self.load_data()
        self.load_optimizer()

    def init_environment(self):
        self.io = torchlight.IO(self.arg.work_dir, save_log=self.arg.save_log, print_log=self.arg.print_log)
        self.result = dict()
        self.iter_info = dict()
        self.epoch_info = dict()
        self.meta_info = dict(epoch=0, iter=0)

    def load_optimizer(self):
        pass

    def load_model(self):
        pass

    def load_data(self):
        Feeder = import_class(self.arg.feeder)
        self.data_loader = dict()
        self.data_loader['train'] = torch.utils.data.DataLoader(
            dataset=Feeder(**self.arg.train_feeder_args),
            batch_size=self.arg.batch_size, shuffle=True, num_workers=self.arg.num_worker, drop_last=True)

    def gpu(self):
        self.dev = "cuda:0" if self.arg.use_gpu else "cpu"
        self.model = self.model.to(self.dev)

    def load_arg(self, argv=None):
        parser = self.get_parser()
        p = parser.parse_args(argv)
        if p.config is not None:
            with open(p.config, 'r') as f:
                default_arg = yaml.load(f, Loader=yaml.FullLoader)
            parser.set_defaults(**default_arg)
        self.arg = parser.parse_args(argv)

    def start(self):
        for epoch in range(self.arg.start_epoch, self.arg.num_epoch):
            self.meta_info['epoch'] = epoch
            self.train()

    @staticmethod
    def get_parser(add_help=False):
        parser = argparse.ArgumentParser(add_help=add_help, description='Base Processor')
        parser.add_argument('-w', '--work_dir', default='./work_dir/tmp')
        parser.add_argument('-c', '--config', default=None)
        parser.add_argument('--use_gpu', type=str2bool, default=True)
        parser.add_argument('--save_log', type=str2bool, default=True)
        parser.add_argument('--print_log', type=str2bool, default=True)
        parser.add_argument('--start_epoch', type=int, default=0)
        parser.add_argument('--num_epoch', type=int, default=80)
        parser.add_argument('--feeder', default='feeder.feeder')
        parser.add_argument('--num_worker', type=int, default=4)
        parser.add_argument('--train_feeder_args', action=DictAction, default=dict())
        parser.add_argument('--batch_size', type=int, default=256)
        parser.add_argument('--model', default='net.st_gcn.Model')
        parser.add_argument('--model_args', action=DictAction, default=dict())
        return parser
