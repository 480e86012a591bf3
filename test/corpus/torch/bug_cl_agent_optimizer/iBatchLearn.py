# Idiom seen in: bjzhb666/Continual-Learning-Benchmark iBatchLearn5data.py
# Idiom seen in: bjzhb666/Continual-Learning-Benchmark agents/default.py
# What it reproduces: continual-learning agents built from an agent_config dict; the optimizer class is looked
#   up by name (default Adam) and given 'weight_decay' in a kwargs dict with all of model.parameters():
#   coupled L2 under Adam and decay on biases/BatchNorm. The EWC penalty is a pull to old weights, not decay.
import argparse
import sys

import torch

from dataloaders.datasetGen import SplitGen, PermutedGen
from dataloaders import base
from agent_regularization import EWC


def get_args(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument('--gpuid', nargs="+", type=int, default=[0])
    parser.add_argument('--model_type', type=str, default='mlp')
    parser.add_argument('--model_name', type=str, default='MLP400')
    parser.add_argument('--force_out_dim', type=int, default=2)
    parser.add_argument('--optimizer', type=str, default='Adam',
                        help="SGD|Adam|RMSprop|amsgrad|Adadelta|Adagrad|Adamax ...")
    parser.add_argument('--dataroot', type=str, default='data')
    parser.add_argument('--dataset', type=str, default='MNIST')
    parser.add_argument('--first_split_size', type=int, default=2)
    parser.add_argument('--other_split_size', type=int, default=2)
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--momentum', type=float, default=0)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--schedule', nargs="+", type=int, default=[4])
    parser.add_argument('--print_freq', type=float, default=100)
    parser.add_argument('--reg_coef', type=float, default=100.)
    return parser.parse_args(argv)


def run(args, train_dataset, val_dataset, task_output_space):
    agent_config = {'lr': args.lr, 'momentum': args.momentum, 'weight_decay': args.weight_decay,
                    'schedule': args.schedule, 'model_type': args.model_type,
                    'model_name': args.model_name, 'model_weights': None,
                    'out_dim': {'All': args.force_out_dim},
                    'optimizer': args.optimizer, 'print_freq': args.print_freq,
                    'gpuid': args.gpuid, 'reg_coef': args.reg_coef}
    agent = EWC(agent_config)
    print(agent.model)
    print('#parameter of model:', agent.count_parameter())

    task_names = sorted(list(task_output_space.keys()), key=int)
    acc_table = {}
    for i, train_name in enumerate(task_names):
        train_loader = torch.utils.data.DataLoader(train_dataset[train_name], batch_size=args.batch_size,
                                                   shuffle=True, num_workers=2)
        val_loader = torch.utils.data.DataLoader(val_dataset[train_name], batch_size=args.batch_size,
                                                 shuffle=False, num_workers=2)
        agent.learn_batch(train_loader, val_loader)
        acc_table[train_name] = agent.validation(val_loader)
    return acc_table


if __name__ == '__main__':
    args = get_args(sys.argv[1:])
    train_dataset, val_dataset = base.__dict__[args.dataset](args.dataroot, False)
    train_dataset_splits, val_dataset_splits, task_output_space = SplitGen(
        train_dataset, val_dataset, first_split_sz=args.first_split_size,
        other_split_sz=args.other_split_size, rand_split=False, remap_class=True)
    run(args, train_dataset_splits, val_dataset_splits, task_output_space)
