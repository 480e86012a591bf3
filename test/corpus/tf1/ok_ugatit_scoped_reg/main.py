# Idiom seen in: taki0112/UGATIT main.py
# What it reproduces: argparse entry point that builds the UGATIT graph (whose losses include the
#   per-scope regularization sums) and trains it (clean).
import argparse
import tensorflow as tf
from UGATIT import UGATIT


def parse_args():
    parser = argparse.ArgumentParser(description="Tensorflow implementation of U-GAT-IT")
    parser.add_argument('--phase', type=str, default='train', help='[train / test]')
    parser.add_argument('--iteration', type=int, default=1000000, help='The number of training iterations')
    parser.add_argument('--batch_size', type=int, default=1, help='The size of batch size')
    parser.add_argument('--lr', type=float, default=0.0001, help='The learning rate')
    parser.add_argument('--adv_weight', type=int, default=1, help='Weight about GAN')
    parser.add_argument('--cycle_weight', type=int, default=10, help='Weight about Cycle')
    parser.add_argument('--ch', type=int, default=64, help='base channel number per layer')
    parser.add_argument('--img_size', type=int, default=256, help='The size of image')
    return parser.parse_args()


def main():
    args = parse_args()
    with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
        gan = UGATIT(sess, args)
        gan.build_model()
        if args.phase == 'train':
            gan.train(args.iteration)
            print(" [*] Training finished!")


if __name__ == '__main__':
    main()
