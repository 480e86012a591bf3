# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level train_and_validate.py
# What it reproduces: argparse driver calling op_util.Optimizer's train_step on CIFAR-10 batches; the model
#   is built with weight_decay=5e-4 whose terms are never trained on (see op_util.py).
import argparse

import tensorflow as tf

import op_util
from nets import Model
from dataloader import Dataloader

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", default=128, type=int)
parser.add_argument("--learning_rate", default=1e-1, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--train_epoch", default=100, type=int)
args = parser.parse_args()

if __name__ == '__main__':
    train_images, train_labels, _, _ = Dataloader('cifar10', '')
    ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(50000).batch(args.batch_size)
    model = Model(weight_decay=args.weight_decay, num_class=10)
    train_step, train_loss, train_total = op_util.Optimizer(model, args.learning_rate)
    for epoch in range(args.train_epoch):
        for images, labels in ds:
            train_step(images, labels)
        print(epoch, train_loss.result().numpy(), train_total.result().numpy())
