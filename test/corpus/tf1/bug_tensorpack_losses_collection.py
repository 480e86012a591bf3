# Idiom seen in: tensorpack/tensorpack issue #484 ("add variable with weight decay": the TF-tutorial
#   add_to_collection('losses', ...) used inside a ModelDesc) and tensorpack/tensorpack examples/basics/cifar-convnet.py
# What it reproduces: a tensorpack ModelDesc whose fully connected helper creates W with tf.get_variable
#   and files wd * l2_loss(W) under 'losses', the way the TensorFlow cifar10 tutorial does; build_graph
#   returns the cross entropy, and that returned cost is what tensorpack's trainer minimizes.
# label-note: WD101 on the add_to_collection line. As the maintainer answers in the issue, tensorpack
#   trainers do not read the loss collection; nothing else in the program reads 'losses' either.
import argparse

import tensorflow as tf
from tensorpack import *
from tensorpack.dataflow import dataset, imgaug
from tensorpack.tfutils.summary import add_moving_summary

WEIGHT_DECAY = 0.004


def fc_wd(name, x, out_dim, wd, activation=tf.nn.relu):
    with tf.variable_scope(name):
        in_dim = x.get_shape().as_list()[-1]
        w = tf.get_variable('W', [in_dim, out_dim], initializer=tf.truncated_normal_initializer(stddev=0.04))
        b = tf.get_variable('b', [out_dim], initializer=tf.constant_initializer(0.1))
        if wd:
            weight_decay = tf.multiply(tf.nn.l2_loss(w), wd, name='weight_loss')
            tf.add_to_collection('losses', weight_decay)  # expect: WD101
        out = tf.nn.xw_plus_b(x, w, b)
        return activation(out) if activation is not None else out


class Model(ModelDesc):
    def inputs(self):
        return [tf.TensorSpec((None, 24, 24, 3), tf.float32, 'input'),
                tf.TensorSpec((None,), tf.int32, 'label')]

    def build_graph(self, image, label):
        image = image / 4.0
        with argscope(Conv2D, activation=tf.nn.relu, kernel_size=5):
            l = Conv2D('conv1', image, 64)
            l = MaxPooling('pool1', l, 3, strides=2, padding='SAME')
            l = Conv2D('conv2', l, 64)
            l = MaxPooling('pool2', l, 3, strides=2, padding='SAME')
        l = tf.layers.flatten(l)
        l = fc_wd('fc0', l, 384, WEIGHT_DECAY)
        l = fc_wd('fc1', l, 192, WEIGHT_DECAY)
        logits = fc_wd('linear', l, 10, 0.0, activation=None)

        cost = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=label)
        cost = tf.reduce_mean(cost, name='cross_entropy_loss')
        acc = tf.reduce_mean(tf.cast(tf.nn.in_top_k(logits, label, 1), tf.float32), name='accuracy')
        add_moving_summary(cost, acc)
        return cost

    def optimizer(self):
        lr = tf.get_variable('learning_rate', initializer=1e-2, trainable=False)
        return tf.train.AdamOptimizer(lr, epsilon=1e-3)


def get_data(train_or_test):
    is_train = train_or_test == 'train'
    ds = dataset.Cifar10(train_or_test)
    augs = [imgaug.RandomCrop((24, 24)), imgaug.Flip(horiz=True)] if is_train else [imgaug.CenterCrop((24, 24))]
    ds = AugmentImageComponent(ds, augs)
    return BatchData(ds, 128, remainder=not is_train)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--gpu', help='comma separated list of GPU(s) to use.')
    args = parser.parse_args()
    logger.auto_set_dir()
    config = TrainConfig(
        model=Model(),
        data=QueueInput(get_data('train')),
        callbacks=[ModelSaver(),
                   InferenceRunner(get_data('test'), ScalarStats(['accuracy', 'cross_entropy_loss'])),
                   ScheduledHyperParamSetter('learning_rate', [(1, 0.1), (100, 0.01), (200, 0.001)])],
        max_epoch=300,
    )
    launch_train_with_config(config, SimpleTrainer())
