# Idiom seen in: giladcohen/tensorflow_TB scripts/adv_train_with_val.py
# What it reproduces: the training entry point with an ini-style parameter dict and a CIFAR-10 data
#   provider from a dataset module the folder does not hold.
import argparse

import tensorflow as tf

from dataset_wrapper import MyCifar10DataSet  # data provider, not in this folder
from resnet_model import ResNet

PARAMS = {
    'OPTIMIZER': 'MOM',
    'LEARNING_RATE': 0.1,
    'XENTROPY_RATE': 1.0,
    'WEIGHT_DECAY_RATE': 0.00078,
    'RESNET_FILTERS': [16, 160, 320, 640],
    'NUM_RESIDUAL_UNITS': 4,
    'NUM_CLASSES': 10,
}

if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--train_steps', type=int, default=50000)
    parser.add_argument('--batch_size', type=int, default=200)
    args = parser.parse_args()

    model = ResNet('ResNet', PARAMS)
    model.build_graph()
    dataset = MyCifar10DataSet(batch_size=args.batch_size)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(args.train_steps):
            images, labels = dataset.get_mini_batch_train()
            _, cost, wd = sess.run([model.train_op, model.cost, model.wd_cost],
                                   feed_dict={model.images: images, model.labels: labels,
                                              model.is_training: True})
            if step % 100 == 0:
                print('step %d cost %.4f wd_cost %.4f' % (step, cost, wd))
