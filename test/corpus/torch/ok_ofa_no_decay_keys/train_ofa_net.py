# Idiom seen in: mit-han-lab/once-for-all train_ofa_net.py
# What it reproduces: the script sets args.opt_type = 'sgd', args.no_decay_keys = 'bn#bias' and
#   weight_decay 3e-5 before building the RunConfig: BN parameters and biases go to the weight_decay-0
#   group, kernels are decayed with SGD (lr*wd = 0.12*3e-5 = 3.6e-6). Clean.
import argparse

import torch

from run_config import RunConfig, RunManager
from ofa.imagenet_classification.elastic_nn.networks import OFAMobileNetV3
from ofa.imagenet_classification.data_providers.imagenet import ImagenetDataProvider

parser = argparse.ArgumentParser()
parser.add_argument("--task", type=str, default="depth", choices=["kernel", "depth", "expand"])
parser.add_argument("--phase", type=int, default=1, choices=[1, 2])
args = parser.parse_args()

args.n_epochs = 120
args.base_lr = 3e-2
args.base_batch_size = 64
args.opt_type = "sgd"
args.momentum = 0.9
args.no_nesterov = False
args.weight_decay = 3e-5
args.label_smoothing = 0.1
args.no_decay_keys = "bn#bias"

num_gpus = 4
args.init_lr = args.base_lr * num_gpus
args.opt_param = {"momentum": args.momentum, "nesterov": not args.no_nesterov}

if __name__ == "__main__":
    run_config = RunConfig(args.n_epochs, args.init_lr, "cosine", args.opt_type, args.opt_param,
                           args.weight_decay, args.label_smoothing, args.no_decay_keys)
    net = OFAMobileNetV3(n_classes=1000, dropout_rate=0.1, width_mult=1.0,
                         ks_list=[3, 5, 7], expand_ratio_list=[3, 4, 6], depth_list=[2, 3, 4])
    run_manager = RunManager(".exp/%s" % args.task, net, run_config)
    data_provider = ImagenetDataProvider(save_path="/dataset/imagenet", train_batch_size=args.base_batch_size)
    criterion = torch.nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    net.train()
    for epoch in range(args.n_epochs):
        for images, labels in data_provider.train:
            output = net(images)
            loss = criterion(output, labels)
            run_manager.optimizer.zero_grad()
            loss.backward()
            run_manager.optimizer.step()
