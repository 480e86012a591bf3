# Idiom seen in: conan7882/GoogLeNet-Inception examples/inception_cifar.py
# What it reproduces: the training script builds the train model with wd=0 and the validation model with the
#   default wd, so no call ever enables the guarded L2 regularizers; data come from a missing loader module.
import argparse

import tensorflow as tf

import loader  # CIFAR dataflow, not in this folder
from googlenet import GoogLeNet_cifar

SAVE_PATH = './checkpoints/'


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--bsize', type=int, default=128)
    parser.add_argument('--keep_prob', type=float, default=0.4)
    parser.add_argument('--maxepoch', type=int, default=100)
    return parser.parse_args()


def train():
    FLAGS = get_args()
    train_data, valid_data = loader.load_cifar(cifar_path='./cifar-10-batches-py/',
                                               batch_size=FLAGS.bsize, subtract_mean=True)
    train_model = GoogLeNet_cifar(n_channel=3, n_class=10, bn=True, wd=0,
                                  conv_trainable=True, fc_trainable=True)
    train_model.create_train_model()
    valid_model = GoogLeNet_cifar(n_channel=3, n_class=10, bn=True)
    valid_model.create_test_model()

    train_op = train_model.get_train_op()
    loss_op = train_model.get_loss()
    valid_acc_op = valid_model.get_accuracy()

    with tf.Session() as sess:
        saver = tf.train.Saver()
        sess.run(tf.global_variables_initializer())
        for epoch_id in range(FLAGS.maxepoch):
            lr = FLAGS.lr if epoch_id < 50 else FLAGS.lr / 10.
            for images, labels in train_data.epoch():
                sess.run([train_op, loss_op], feed_dict={
                    train_model.image: images, train_model.label: labels,
                    train_model.keep_prob: FLAGS.keep_prob, train_model.lr: lr})
            accs = [sess.run(valid_acc_op, feed_dict={valid_model.image: im, valid_model.label: lb})
                    for im, lb in valid_data.epoch()]
            print('epoch {} valid accuracy {:.4f}'.format(epoch_id, sum(accs) / len(accs)))
            saver.save(sess, '{}inception-cifar-epoch-{}'.format(SAVE_PATH, epoch_id))


if __name__ == '__main__':
    train()
