# Idiom seen in: D-X-Y/AutoDL-Projects exps/NAS-Bench-201-algos/DARTS-V1.py
# What it reproduces: first-order DARTS: the network weights go to get_optim_scheduler (SGD, decay 5e-4, on
# every weight including BN and the classifier bias) and the architecture alphas to
# Adam(weight_decay=arch_weight_decay), the coupled L2 the DARTS recipe uses (real repository code).
import argparse
from collections import namedtuple

import torch

from search_model import TinyNetworkDarts
from optimizers import get_optim_scheduler
from datasets import get_nas_search_loaders

Config = namedtuple('Config', ['scheduler', 'eta_min', 'epochs', 'warmup', 'optim', 'LR', 'decay',
                               'momentum', 'nesterov', 'criterion', 'batch_size'])
DARTS_CONFIG = Config(scheduler='cos', eta_min=0.001, epochs=50, warmup=0, optim='SGD', LR=0.025,
                      decay=0.0005, momentum=0.9, nesterov=True, criterion='Softmax', batch_size=64)
NAS_BENCH_201 = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3']


def search_func(xloader, network, criterion, w_optimizer, a_optimizer, grad_clip):
    network.train()
    for step, (base_inputs, base_targets, arch_inputs, arch_targets) in enumerate(xloader):
        base_targets = base_targets.cuda(non_blocking=True)
        arch_targets = arch_targets.cuda(non_blocking=True)
        # update the weights
        w_optimizer.zero_grad()
        _, logits = network(base_inputs)
        base_loss = criterion(logits, base_targets)
        base_loss.backward()
        if grad_clip > 0:
            torch.nn.utils.clip_grad_norm_(network.parameters(), grad_clip)
        w_optimizer.step()
        # update the architecture-weight
        a_optimizer.zero_grad()
        _, logits = network(arch_inputs)
        arch_loss = criterion(logits, arch_targets)
        arch_loss.backward()
        a_optimizer.step()


def main(xargs):
    torch.backends.cudnn.benchmark = False
    torch.manual_seed(xargs.rand_seed)
    config = DARTS_CONFIG
    search_loader, _, valid_loader = get_nas_search_loaders(xargs.dataset, xargs.data_path, config.batch_size)

    search_model = TinyNetworkDarts(C=xargs.channel, N=xargs.num_cells, max_nodes=xargs.max_nodes,
                                    num_classes=10, search_space=NAS_BENCH_201,
                                    affine=False, track_running_stats=bool(xargs.track_running_stats))
    w_optimizer, w_scheduler, criterion = get_optim_scheduler(search_model.get_weights(), config)  # expect: WD203
    a_optimizer = torch.optim.Adam(search_model.get_alphas(), lr=xargs.arch_learning_rate, betas=(0.5, 0.999),
                                   weight_decay=xargs.arch_weight_decay)  # expect: WD202
    network, criterion = torch.nn.DataParallel(search_model).cuda(), criterion.cuda()

    for epoch in range(config.epochs):
        search_func(search_loader, network, criterion, w_optimizer, a_optimizer, xargs.grad_clip)
        print('epoch {:03d}, genotype = {:}'.format(epoch, search_model.arch_parameters.argmax(-1)))


if __name__ == '__main__':
    parser = argparse.ArgumentParser("DARTS first order")
    parser.add_argument('--data_path', type=str, default='./data/cifar.python')
    parser.add_argument('--dataset', type=str, default='cifar10')
    parser.add_argument('--num_cells', type=int, default=5)
    parser.add_argument('--max_nodes', type=int, default=4)
    parser.add_argument('--channel', type=int, default=16)
    parser.add_argument('--track_running_stats', type=int, default=1, choices=[0, 1])
    parser.add_argument('--grad_clip', type=float, default=5.0)
    parser.add_argument('--arch_learning_rate', type=float, default=3e-4)
    parser.add_argument('--arch_weight_decay', type=float, default=1e-3)
    parser.add_argument('--rand_seed', type=int, default=1)
    args = parser.parse_args()
    main(args)
