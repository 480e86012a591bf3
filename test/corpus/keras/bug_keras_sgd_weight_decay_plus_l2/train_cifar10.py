# Idiom seen in: Yuki-Wada/text_embedding (its CIFAR-10 training script: get_args, ResNet, calc_loss, get_keras_optimizer)
# What it reproduces: argparse hyper-parameters, data from mltools.dataset (not in the workspace), a
#   tf.function custom step whose loss is calc_loss(..., model, weight_decay) and whose optimizer is built from
#   the same weight_decay through the shared optimizer helper.
# label-note: the labels sit in mltools/model/resnet.py (WD201) and mltools/optimizer/utils.py (WD203);
#   lr*wd = 0.1*5e-4, far from WD301.
import argparse

import tensorflow as tf

from mltools.dataset.cifar10 import Cifar10DataLoader
from mltools.model.resnet import ResNet, calc_loss
from mltools.optimizer.utils import get_keras_optimizer


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--batch_size', type=int, default=128)
    parser.add_argument('--epochs', type=int, default=200)
    return parser.parse_args()


def main():
    args = get_args()
    train_loader = Cifar10DataLoader('train', batch_size=args.batch_size, shuffle=True)
    model = ResNet(label_count=10, input_shape=(32, 32, 3))
    optimizer_params = {
        'type': 'sgd',
        'kwargs': {'learning_rate': args.lr, 'momentum': args.momentum, 'decay': args.weight_decay},
    }
    optimizer = get_keras_optimizer(optimizer_params)

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            logits = model(images, training=True)
            loss = calc_loss(labels, logits, model, args.weight_decay)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(args.epochs):
        for step, (images, labels) in enumerate(train_loader):
            loss = train_step(images, labels)
        print('epoch {}: loss {:.4f}'.format(epoch, float(loss)))


if __name__ == '__main__':
    main()
