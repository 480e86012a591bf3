# Idiom seen in: YixuanLi/densenet-tensorflow cifar10-densenet.py
# What it reproduces: tensorpack ModelDesc whose build_graph adds wd_cost = 1e-4 * regularize_cost('.*/W', l2_loss)
# to the cross-entropy and returns the sum as the cost the trainer minimizes (clean).
import argparse
import os

import numpy as np
import tensorflow as tf
from tensorpack import *
from tensorpack.dataflow import dataset
from tensorpack.tfutils.symbolic_functions import prediction_incorrect
from tensorpack.tfutils.summary import add_moving_summary, add_param_summary

BATCH_SIZE = 64


class Model(ModelDesc):
    def __init__(self, depth):
        super(Model, self).__init__()
        self.N = int((depth - 4) / 3)
        self.growthRate = 12

    def inputs(self):
        return [tf.placeholder(tf.float32, [None, 32, 32, 3], 'input'),
                tf.placeholder(tf.int32, [None], 'label')]

    def build_graph(self, image, label):
        image = image / 128.0 - 1

        def conv(name, l, channel, stride):
            return Conv2D(name, l, channel, 3, strides=stride, use_bias=False, activation=tf.identity,
                          kernel_initializer=tf.random_normal_initializer(stddev=np.sqrt(2.0 / 9 / channel)))

        def add_layer(name, l):
            with tf.variable_scope(name):
                c = BatchNorm('bn1', l)
                c = tf.nn.relu(c)
                c = conv('conv1', c, self.growthRate, 1)
                return tf.concat([c, l], 3)

        def add_transition(name, l):
            shape = l.get_shape().as_list()
            in_channel = shape[3]
            with tf.variable_scope(name):
                l = BatchNorm('bn1', l)
                l = tf.nn.relu(l)
                l = Conv2D('conv1', l, in_channel, 1, strides=1, use_bias=False, activation=tf.nn.relu)
                return AvgPooling('pool', l, 2)

        l = conv('conv0', image, 16, 1)
        for block in range(3):
            with tf.variable_scope('block%d' % (block + 1)):
                for i in range(self.N):
                    l = add_layer('dense_layer.{}'.format(i), l)
                if block < 2:
                    l = add_transition('transition%d' % (block + 1), l)
        l = BatchNorm('bnlast', l)
        l = tf.nn.relu(l)
        l = GlobalAvgPooling('gap', l)
        logits = FullyConnected('linear', l, 10, activation=tf.identity)

        cost = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=label)
        cost = tf.reduce_mean(cost, name='cross_entropy_loss')
        wrong = prediction_incorrect(logits, label)
        add_moving_summary(tf.reduce_mean(wrong, name='train_error'))

        wd_cost = tf.multiply(1e-4, regularize_cost('.*/W', tf.nn.l2_loss), name='wd_cost')
        add_moving_summary(cost, wd_cost)
        add_param_summary(('.*/W', ['histogram']))
        return tf.add_n([cost, wd_cost], name='cost')

    def optimizer(self):
        lr = tf.get_variable('learning_rate', initializer=0.1, trainable=False)
        tf.summary.scalar('learning_rate', lr)
        return tf.train.MomentumOptimizer(lr, 0.9, use_nesterov=True)


def get_data(train_or_test):
    isTrain = train_or_test == 'train'
    ds = dataset.Cifar10(train_or_test)
    if isTrain:
        ds = AugmentImageComponent(ds, [imgaug.CenterPaste((40, 40)), imgaug.RandomCrop((32, 32)), imgaug.Flip(horiz=True)])
    return BatchData(ds, BATCH_SIZE, remainder=not isTrain)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--gpu', help='comma separated list of GPU(s) to use.')
    parser.add_argument('--depth', default=40, type=int, help='The depth of densenet')
    parser.add_argument('--max_epoch', default=300, type=int)
    args = parser.parse_args()
    if args.gpu:
        os.environ['CUDA_VISIBLE_DEVICES'] = args.gpu

    config = TrainConfig(
        dataflow=get_data('train'),
        callbacks=[ModelSaver(),
                   InferenceRunner(get_data('test'), [ScalarStats('cost'), ClassificationError()]),
                   ScheduledHyperParamSetter('learning_rate', [(1, 0.1), (150, 0.01), (225, 0.001)])],
        model=Model(depth=args.depth),
        steps_per_epoch=782,
        max_epoch=args.max_epoch,
    )
    launch_train_with_config(config, SimpleTrainer())
