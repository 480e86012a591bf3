# Idiom seen in: shaoxiongji/federated-learning main_fed.py
# What it reproduces: FedAvg driver; each round builds a LocalUpdate per sampled client (whose local
# optimizer and penalty double-decay the weights, see update.py) and averages the returned weights.
import copy

import numpy as np
import torch
from torchvision import datasets, transforms

from options import args_parser
from update import LocalUpdate
from nets import CNNMnist
from sampling import mnist_iid, mnist_noniid


def fed_avg(w):
    w_avg = copy.deepcopy(w[0])
    for k in w_avg.keys():
        for i in range(1, len(w)):
            w_avg[k] += w[i][k]
        w_avg[k] = torch.div(w_avg[k], len(w))
    return w_avg


if __name__ == '__main__':
    args = args_parser()
    args.device = torch.device('cuda:{}'.format(args.gpu) if torch.cuda.is_available() and args.gpu != -1 else 'cpu')
    trans = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
    dataset_train = datasets.MNIST('../data/mnist/', train=True, download=True, transform=trans)
    dict_users = mnist_iid(dataset_train, args.num_users) if args.iid else mnist_noniid(dataset_train, args.num_users)

    net_glob = CNNMnist(args=args).to(args.device)
    net_glob.train()
    w_glob = net_glob.state_dict()

    for it in range(args.epochs):
        w_locals, loss_locals = [], []
        m = max(int(args.frac * args.num_users), 1)
        idxs_users = np.random.choice(range(args.num_users), m, replace=False)
        for idx in idxs_users:
            local = LocalUpdate(args=args, dataset=dataset_train, idxs=dict_users[idx])
            w, loss = local.train(net=copy.deepcopy(net_glob).to(args.device))
            w_locals.append(copy.deepcopy(w))
            loss_locals.append(copy.deepcopy(loss))
        w_glob = fed_avg(w_locals)
        net_glob.load_state_dict(w_glob)
        print('Round {:3d}, Average loss {:.3f}'.format(it, sum(loss_locals) / len(loss_locals)))
