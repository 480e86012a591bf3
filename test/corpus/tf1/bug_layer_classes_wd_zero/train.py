# Idiom seen in: persistforever/cifar10-tensorflow src/model/basic_cnn.py (ConvNet.train), scripts/start.py
# What it reproduces: the entry script builds the ConvNet and feeds batches from a loader module.
import argparse

import tensorflow as tf

import config
from convnet import ConvNet
from dataloader import Cifar10Loader  # data loading, not part of this program


def train(net, loader, n_epoch):
  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(n_epoch):
      for images, labels in loader.train_batches(config.BATCH_SIZE, crop=(24, 24)):
        _, loss = sess.run([net.optimizer, net.avg_loss],
                           feed_dict={net.images: images, net.labels: labels,
                                      net.keep_prob: 0.5})
      acc = sess.run(net.accuracy, feed_dict={net.images: loader.valid_images,
                                              net.labels: loader.valid_labels,
                                              net.keep_prob: 1.0})
      print('epoch %d, train loss %.4f, valid acc %.4f' % (epoch, loss, acc))


if __name__ == '__main__':
  parser = argparse.ArgumentParser()
  parser.add_argument('--data', default='data/CIFAR10_data')
  parser.add_argument('--epochs', type=int, default=500)
  args = parser.parse_args()
  train(ConvNet(), Cifar10Loader(args.data), args.epochs)
