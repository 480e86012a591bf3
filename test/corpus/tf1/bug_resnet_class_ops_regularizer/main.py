# Idiom seen in: taki0112/ResNet-Tensorflow main.py
# What it reproduces: argparse entry point that opens a tf.Session, builds the ResNet class inside it and
#   trains; the data loaders come from a utils module that is not part of this folder.
import argparse

import tensorflow as tf

from resnet import ResNet


def parse_args():
    parser = argparse.ArgumentParser(description='Tensorflow implementation of ResNet')
    parser.add_argument('--phase', type=str, default='train', help='train or test ?')
    parser.add_argument('--epoch', type=int, default=82, help='The number of epochs to run')
    parser.add_argument('--batch_size', type=int, default=256, help='The size of batch per gpu')
    parser.add_argument('--lr', type=float, default=0.1, help='learning rate')
    parser.add_argument('--checkpoint_dir', type=str, default='checkpoint')
    return parser.parse_args()


def main():
    args = parse_args()
    config = tf.ConfigProto(allow_soft_placement=True)
    with tf.Session(config=config) as sess:
        cnn = ResNet(sess, args)
        cnn.build_model()
        if args.phase == 'train':
            cnn.train()
            print(' [*] Training finished!')


if __name__ == '__main__':
    main()
