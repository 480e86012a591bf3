# Idiom seen in: GMvandeVen/continual-learning main.py
# What it reproduces: builds the classifier, its optim_list ({'params': filter(requires_grad, ...), 'lr': lr}) and
#   Adam(betas=(0.9, 0.999)) with no weight decay, switches EWC on (reg_strength, online gamma), trains the
#   contexts. Clean: the only penalty is EWC's anchored term, and it is in the trained loss.
import argparse

import numpy as np
import torch
from torch import optim

from continual_learner import ContinualLearner
from data.load import get_context_set
from train import train_cl


class MLPClassifier(ContinualLearner):
    def __init__(self, input_size, classes, fc_units=400):
        super().__init__()
        self.fc1 = torch.nn.Linear(input_size, fc_units)
        self.fc2 = torch.nn.Linear(fc_units, fc_units)
        self.classifier = torch.nn.Linear(fc_units, classes)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        return self.classifier(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def run(args):
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    (train_datasets, test_datasets), config = get_context_set(
        name=args.experiment, scenario=args.scenario, contexts=args.contexts, data_dir=args.d_dir)

    model = MLPClassifier(config['size'] ** 2 * config['channels'], config['classes']).to(device)
    model.optim_list = [{'params': filter(lambda p: p.requires_grad, model.parameters()), 'lr': args.lr}]
    model.optimizer = optim.Adam(model.optim_list, betas=(0.9, 0.999))

    model.weight_penalty = True
    model.reg_strength = args.reg_strength
    model.offline = False
    model.gamma = args.gamma
    model.fisher_n = args.fisher_n

    train_cl(model, train_datasets, iters=args.iters, batch_size=args.batch)


if __name__ == '__main__':
    parser = argparse.ArgumentParser('./main.py', description='Run an individual continual learning experiment.')
    parser.add_argument('--experiment', type=str, default='splitMNIST')
    parser.add_argument('--scenario', type=str, default='task')
    parser.add_argument('--contexts', type=int, default=5)
    parser.add_argument('--d-dir', type=str, default='./store/datasets', dest='d_dir')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--iters', type=int, default=2000)
    parser.add_argument('--batch', type=int, default=128)
    parser.add_argument('--lr', type=float, default=0.001)
    parser.add_argument('--reg-strength', type=float, default=1e6, dest='reg_strength')
    parser.add_argument('--gamma', type=float, default=1.)
    parser.add_argument('--fisher-n', type=int, default=1000, dest='fisher_n')
    run(parser.parse_args())
