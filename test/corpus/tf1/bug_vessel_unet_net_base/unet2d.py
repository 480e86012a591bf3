# Idiom seen in: Zxr1314/DeepLearning net/net.py
# Idiom seen in: Zxr1314/DeepLearning net/unet2d.py
# Idiom seen in: Zxr1314/DeepLearning solver/solver2d.py
# What it reproduces: a Net base class whose conv2d helper builds its kernels with the CIFAR-10
#   _variable_with_weight_decay (wd=1.0) into the 'losses' collection; the subclass's loss() returns
#   only the data term and the solver minimizes that, so nothing ever sums 'losses' (real repo bug).
'''Small 2-D U-net for vessel masks.'''
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import tensorflow as tf

from net import Net


class Unet2D(Net):
    def __init__(self, common_params, net_params):
        super(Unet2D, self).__init__(common_params, net_params)
        self.width = common_params['width']
        self.height = common_params['height']
        self.wtrue = net_params.get('weight_true', 0)
        self.wfalse = net_params.get('weight_false', 1)

    def inference(self, images, **kwargs):
        conv1 = self.conv2d('conv1', images, [3, 3, 1, 32])
        relu1 = tf.nn.relu(conv1, name='relu1')
        conv2 = self.conv2d('conv2', relu1, [3, 3, 32, 32])
        relu2 = tf.nn.relu(conv2, name='relu2')
        down1 = self.conv2d('downsample1', relu2, [2, 2, 32, 32], stride=[1, 2, 2, 1])
        relu3 = tf.nn.relu(down1, name='relu3')
        conv3 = self.conv2d('conv3', relu3, [3, 3, 32, 64])
        relu4 = tf.nn.relu(conv3, name='relu4')
        up1 = self.conv2d_transpose('upsample1', relu4, tf.shape(conv2), [2, 2, 32, 64],
                                    stride=[1, 2, 2, 1])
        relu5 = tf.nn.relu(up1, name='relu5')
        concat1 = tf.concat([relu2, relu5], axis=3, name='concat1')
        conv4 = self.conv2d('conv4', concat1, [3, 3, 64, 32])
        relu6 = tf.nn.relu(conv4, name='relu6')
        conv5 = self.conv2d('conv5', relu6, [1, 1, 32, 1])
        return {'out': tf.nn.sigmoid(conv5, 'sigmoid')}

    def loss(self, predicts, labels, eval_names):
        weight = labels * self.wtrue + self.wfalse
        loss = tf.losses.absolute_difference(labels, predicts, weights=weight)
        evals = {}
        if eval_names is not None:
            seg = tf.round(predicts)
            if 'accuracy' in eval_names:
                evals['accuracy'] = tf.reduce_mean(tf.cast(tf.equal(seg, labels), tf.float32))
        return loss, evals
