# Idiom seen in: CRIPAC-DIG/SR-GNN pytorch_code/main.py
# Idiom seen in: CRIPAC-DIG/SR-GNN pytorch_code/model.py
# What it reproduces: the SR-GNN entry point: argparse --l2 1e-5 feeds both the model's own Adam
#   weight_decay and (after the port mistake in model.py) the explicit lossL2 factor.
import argparse
import pickle
import time

from utils import Data, split_validation
from model import SessionGraph, train_test

parser = argparse.ArgumentParser()
parser.add_argument('--dataset', default='sample', help='dataset name: diginetica/yoochoose1_64/sample')
parser.add_argument('--batchSize', type=int, default=100, help='input batch size')
parser.add_argument('--hiddenSize', type=int, default=100, help='hidden state size')
parser.add_argument('--epoch', type=int, default=30, help='the number of epochs to train for')
parser.add_argument('--lr', type=float, default=0.001, help='learning rate')
parser.add_argument('--lr_dc', type=float, default=0.1, help='learning rate decay rate')
parser.add_argument('--lr_dc_step', type=int, default=3, help='the number of steps after which the learning rate decay')
parser.add_argument('--l2', type=float, default=1e-5, help='l2 penalty')
parser.add_argument('--step', type=int, default=1, help='gnn propogation steps')
parser.add_argument('--patience', type=int, default=10, help='the number of epoch to wait before early stop')
parser.add_argument('--nonhybrid', action='store_true', help='only use the global preference to predict')
parser.add_argument('--validation', action='store_true', help='validation')
parser.add_argument('--valid_portion', type=float, default=0.1)
opt = parser.parse_args()


def main():
    train_data = pickle.load(open('../datasets/' + opt.dataset + '/train.txt', 'rb'))
    if opt.validation:
        train_data, test_data = split_validation(train_data, opt.valid_portion)
    else:
        test_data = pickle.load(open('../datasets/' + opt.dataset + '/test.txt', 'rb'))
    train_data = Data(train_data, shuffle=True)
    test_data = Data(test_data, shuffle=False)
    n_node = 43098 if opt.dataset == 'diginetica' else 310

    model = SessionGraph(opt, n_node)

    start = time.time()
    bad_counter = 0
    best_loss = float('inf')
    for epoch in range(opt.epoch):
        print('epoch: ', epoch)
        loss = train_test(model, train_data, test_data)
        if loss < best_loss:
            best_loss, bad_counter = loss, 0
        else:
            bad_counter += 1
        if bad_counter >= opt.patience:
            break
    print("Run time: %f s" % (time.time() - start))


if __name__ == '__main__':
    main()
