# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level train_and_validate.py
# What it reproduces: the driver: argparse, CIFAR-10 from a dataloader module, ResNet-18 with
#   weight_decay=5e-4, epochs of op_util's train_step. Clean.
import argparse

import tensorflow as tf

import op_util
from dataloader import Dataloader
from nets import ResNet

parser = argparse.ArgumentParser(description='')
parser.add_argument("--train_dir", default="test", type=str)
parser.add_argument("--batch_size", default=128, type=int)
parser.add_argument("--learning_rate", default=1e-1, type=float)
parser.add_argument("--weight_decay", default=5e-4, type=float)
parser.add_argument("--train_epoch", default=100, type=int)
args = parser.parse_args()

if __name__ == '__main__':
    train_images, train_labels, val_images, val_labels = Dataloader('cifar10', '')
    train_ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels)).shuffle(50000).batch(args.batch_size)
    model = ResNet.Model(num_layer=18, weight_decay=args.weight_decay, num_class=10)
    train_step, train_loss, train_accuracy = op_util.Optimizer(model, args.learning_rate)
    for epoch in range(args.train_epoch):
        for images, labels in train_ds:
            train_step(images, labels)
        print(epoch, train_loss.result().numpy(), train_accuracy.result().numpy())
        train_loss.reset_states()
        train_accuracy.reset_states()
