# Idiom seen in: ikhlestov/vision_networks run_dense_net.py
# What it reproduces: argparse (--weight_decay 1e-4) merged into a model params dict and splatted into
#   DenseNet(**model_params); training runs the model's own train_step (clean).
import argparse

from dense_net import DenseNet
from data_providers.utils import get_data_provider_by_name

train_params_cifar = {
    'batch_size': 64,
    'n_epochs': 300,
    'initial_learning_rate': 0.1,
    'reduce_lr_epoch_1': 150,
    'reduce_lr_epoch_2': 225,
}

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--growth_rate', '-k', type=int, choices=[12, 24, 40], default=12)
    parser.add_argument('--depth', '-d', type=int, choices=[40, 100, 190, 250], default=40)
    parser.add_argument('--dataset', '-ds', type=str, default='C10+')
    parser.add_argument('--total_blocks', '-tb', type=int, default=3, metavar='')
    parser.add_argument('--keep_prob', '-kp', type=float, metavar='')
    parser.add_argument('--weight_decay', '-wd', type=float, default=1e-4, metavar='')
    parser.add_argument('--nesterov_momentum', '-nm', type=float, default=0.9, metavar='')
    parser.add_argument('--reduction', '-red', type=float, default=0.5, metavar='')
    args = parser.parse_args()

    if not args.keep_prob:
        args.keep_prob = 0.8 if args.dataset in ['C10', 'C100', 'SVHN'] else 1.0

    model_params = vars(args)
    train_params = dict(train_params_cifar)
    data_provider = get_data_provider_by_name(args.dataset, train_params)
    model = DenseNet(data_provider=data_provider, **model_params)

    learning_rate = train_params['initial_learning_rate']
    for epoch in range(1, train_params['n_epochs'] + 1):
        if epoch in (train_params['reduce_lr_epoch_1'], train_params['reduce_lr_epoch_2']):
            learning_rate = learning_rate / 10
        loss, acc = model.train_one_epoch(data_provider.train, train_params['batch_size'], learning_rate)
        print("epoch %d: loss %.4f acc %.4f" % (epoch, loss, acc))
