# Idiom seen in: taki0112/SPADE-Tensorflow main.py
# What it reproduces: argparse entry point of the scoped-regularization GAN (see ops.py / spade.py). Clean.
import argparse
import tensorflow as tf
from spade import SPADE


def parse_args():
    parser = argparse.ArgumentParser(description="SPADE")
    parser.add_argument('--dataset_path', type=str, default='./dataset/spade_celebA')
    parser.add_argument('--epoch', type=int, default=100)
    parser.add_argument('--iteration', type=int, default=10000)
    parser.add_argument('--batch_size', type=int, default=1)
    parser.add_argument('--lr', type=float, default=0.0002)
    parser.add_argument('--ch', type=int, default=64)
    parser.add_argument('--adv_weight', type=float, default=1.0)
    parser.add_argument('--feature_weight', type=float, default=10.0)
    parser.add_argument('--beta1', type=float, default=0.5)
    parser.add_argument('--beta2', type=float, default=0.999)
    parser.add_argument('--img_size', type=int, default=256)
    return parser.parse_args()


def main():
    args = parse_args()
    with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
        gan = SPADE(sess, args)
        gan.build_model()
        gan.train(args.epoch, args.iteration, args.lr)


if __name__ == '__main__':
    main()
