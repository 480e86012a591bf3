# Idiom seen in: sseung0703/TF2-jit-compile-on-multi-gpu train.py
# Idiom seen in: sseung0703/TF2-jit-compile-on-multi-gpu op_utils.py
# What it reproduces: argparse entry point: MirroredStrategy, ResNet built in the strategy scope with
#   weight_decay=args.weight_decay, and the distributed step from op_utils called over the CIFAR dataset
#   (dataloader module not in the program); the weight decay given here never reaches the gradients.
import argparse

import tensorflow as tf

import op_utils
from dataloader import CIFAR
from ResNet import Model

parser = argparse.ArgumentParser(description='')
parser.add_argument("--arch", default='ResNet-56', type=str)
parser.add_argument("--dataset", default='CIFAR10', type=str)
parser.add_argument("--learning_rate", default=1e-1, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--batch_size", default=128, type=int)
parser.add_argument("--train_epoch", default=100, type=int)
parser.add_argument("--gpu_id", default=[0], type=int, nargs='+')
parser.add_argument("--compile", default=False, action='store_true')
args = parser.parse_args()

if __name__ == '__main__':
    gpus = tf.config.list_physical_devices('GPU')
    devices = ['/gpu:{}'.format(i) for i in args.gpu_id]
    strategy = tf.distribute.MirroredStrategy(devices, cross_device_ops=tf.distribute.HierarchicalCopyAllReduce())

    with strategy.scope():
        datasets = CIFAR.build_dataset_providers(args, strategy)
        model = Model(int(args.arch.split('-')[1]), datasets['num_classes'],
                      weight_decay=args.weight_decay, trainable=True)
        train_step, train_loss, train_accuracy, optimizer = op_utils.Optimizer(args, model, strategy)

    for epoch in range(args.train_epoch):
        for step, data in enumerate(datasets['train']):
            train_step(*data)
        print('Epoch %d, train loss: %.4f, train acc: %.2f' % (
            epoch, train_loss.result(), train_accuracy.result() * 100))
        train_loss.reset_states()
        train_accuracy.reset_states()
