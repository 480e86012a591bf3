# Idiom seen in: conan7882/VGG-cifar examples/vgg_cifar.py
# What it reproduces: the example script that trains VGG_CIFAR10 with wd=5e-3 (the decay the author meant to
#   use) and a step learning-rate schedule; CIFAR batches come from a loader module the folder does not hold.
import argparse

import tensorflow as tf

import loader  # CIFAR-10 dataflow, not in this folder
from vgg import VGG_CIFAR10

SAVE_PATH = './checkpoints/'


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=1e-3, help='Initial learning rate')
    parser.add_argument('--bsize', type=int, default=128, help='Batch size')
    parser.add_argument('--keep_prob', type=float, default=0.5, help='Dropout keep probability')
    parser.add_argument('--maxepoch', type=int, default=100, help='Max number of epochs')
    return parser.parse_args()


def train():
    FLAGS = get_args()
    train_data, valid_data = loader.load_cifar(cifar_path='./cifar-10-batches-py/',
                                               batch_size=FLAGS.bsize, substract_mean=True)
    train_model = VGG_CIFAR10(n_channel=3, n_class=10, bn=True, wd=5e-3, trainable=True)
    train_model.create_train_model()
    train_op = train_model.get_train_op()
    loss_op = train_model.get_loss()
    accuracy_op = train_model.get_accuracy()

    with tf.Session() as sess:
        saver = tf.train.Saver()
        sess.run(tf.global_variables_initializer())
        for epoch_id in range(FLAGS.maxepoch):
            lr = FLAGS.lr if epoch_id < 50 else (FLAGS.lr / 10. if epoch_id < 70 else FLAGS.lr / 100.)
            step, loss_sum, acc_sum = 0, 0., 0.
            while train_data.epochs_completed <= epoch_id:
                images, labels = train_data.next_batch_dict()
                _, loss, acc = sess.run(
                    [train_op, loss_op, accuracy_op],
                    feed_dict={train_model.image: images, train_model.label: labels,
                               train_model.keep_prob: FLAGS.keep_prob, train_model.lr: lr})
                step += 1
                loss_sum += loss
                acc_sum += acc
            print('epoch {}: loss {:.4f} accuracy {:.4f}'.format(epoch_id, loss_sum / step, acc_sum / step))
            saver.save(sess, '{}vgg-cifar-epoch-{}'.format(SAVE_PATH, epoch_id))


if __name__ == '__main__':
    train()
