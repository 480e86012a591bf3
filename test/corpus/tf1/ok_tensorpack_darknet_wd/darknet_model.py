# Idiom seen in: ksellesk/darknet53-tensorpack darknet_model.py
# Idiom seen in: ksellesk/darknet53-tensorpack imagenet_utils.py
# What it reproduces: a tensorpack ModelDesc subclass; the base class's build_graph adds
# regularize_cost(pattern, l2_regularizer(wd)) to the cross entropy and returns the sum as the cost the
# trainer minimizes. Clean.
import tensorflow as tf

from tensorpack.tfutils.argscope import argscope
from tensorpack.models import layer_register, Conv2D, GlobalAvgPooling, BatchNorm, FullyConnected

from imagenet_utils import ImageNetModel


@layer_register(use_scope=None)
def BNLeakyReLU(x, name=None):
    x = BatchNorm('bn', x)
    return tf.nn.leaky_relu(x, name=name)


def darknet_block(l, ch_out):
    shortcut = l
    l = Conv2D('conv0', l, ch_out // 2, 1, activation=BNLeakyReLU)
    l = Conv2D('conv1', l, ch_out, 3, activation=BNLeakyReLU)
    return l + shortcut


def darknet_group(name, l, ch, count):
    with tf.variable_scope(name):
        for i in range(count):
            with tf.variable_scope('block{}'.format(i)):
                l = darknet_block(l, ch)
    return l


def darknet(image):
    with argscope(Conv2D, use_bias=False,
                  kernel_initializer=tf.variance_scaling_initializer(scale=2.0, mode='fan_out')):
        l = Conv2D('conv0', image, 32, 3, strides=1, activation=BNLeakyReLU)
        for i, (ch, count) in enumerate([(64, 1), (128, 2), (256, 8), (512, 8), (1024, 4)]):
            l = Conv2D('down%d' % i, l, ch, 3, strides=2, activation=BNLeakyReLU)
            l = darknet_group('group%d' % i, l, ch, count)
        l = GlobalAvgPooling('gap', l)
        return FullyConnected('linear', l, 1000,
                              kernel_initializer=tf.random_normal_initializer(stddev=0.01))


class Model(ImageNetModel):
    weight_decay = 5e-4

    def get_logits(self, image):
        return darknet(image)
