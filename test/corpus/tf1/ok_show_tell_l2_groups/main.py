# Idiom seen in: DeepRNN/image_captioning main.py
# What it reproduces: argparse options for the captioner (weight_decay 1e-4, Adam by default) and the
#   session loop that runs opt_op and prints both loss parts.
import argparse

import tensorflow as tf

from model import CaptionGenerator
from dataset import prepare_train_data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--solver', default='adam', help='adam, momentum or sgd')
    parser.add_argument('--learning_rate', type=float, default=1e-4)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--train_cnn', action='store_true', default=False)
    parser.add_argument('--batch_size', type=int, default=32)
    parser.add_argument('--max_sent_len', type=int, default=30)
    parser.add_argument('--num_words', type=int, default=5000)
    parser.add_argument('--dim_embed', type=int, default=300)
    parser.add_argument('--dim_hidden', type=int, default=512)
    parser.add_argument('--num_epochs', type=int, default=10)
    params = parser.parse_args()

    model = CaptionGenerator(params)
    data = prepare_train_data(params)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(params.num_epochs):
            for images, sentences, masks in data:
                _, l0, l1, step = sess.run(
                    [model.opt_op, model.loss0, model.loss1, model.global_step],
                    feed_dict={model.images: images, model.sentences: sentences, model.masks: masks})
                if step % 100 == 0:
                    print('step %d: xent %.4f, l2 %.4f' % (step, l0, l1))


if __name__ == '__main__':
    main()
