# Idiom seen in: iWangLimin/RSF config.py
# Idiom seen in: iWangLimin/RSF module.py
# Idiom seen in: iWangLimin/RSF model.py
# Idiom seen in: iWangLimin/RSF train.py
# What it reproduces: GF-2 pan-sharpening net; conv kernels push 0.5*mean(w^2) into a custom 'weight_decay'
#   collection, Model.loss adds mean(collection)*TC.weight_dacay to the MSE, and train.py minimizes that loss (clean).
import tensorflow as tf
from module import conv, dense_block, bottle_neck
from config import TrainingConfig as TC


class Model():
    def residual_extraction(self, x, block_num, growth_rate, conv_num, is_training=True):
        features = []
        with tf.variable_scope('advance_extraction', reuse=tf.AUTO_REUSE):
            y = conv('conv1', x, is_training=is_training)
            y = conv('conv2', y, is_training=is_training)
            features.append(y)
        for i in range(1, block_num + 1):
            y = dense_block('dense%d' % i, features[-1], growth_rate=growth_rate,
                            conv_num=conv_num, is_training=is_training)
            y = bottle_neck('bottle_neck%d' % i, y, is_training=is_training)
            features.append(y)
        residual = 0
        for feature in features:
            residual += feature
        return residual

    def forward(self, ms, pan, is_training):
        with tf.variable_scope('fusion', reuse=tf.AUTO_REUSE):
            up_ms = tf.image.resize_bilinear(ms, size=(256, 256))
            x = tf.concat([up_ms, pan], -1)
            residual = self.residual_extraction(x, 3, 16, 4, is_training=is_training)
            residual = bottle_neck('out', residual, 4, activation=None, is_training=is_training)
            return up_ms + residual

    def loss(self, predict, gt):
        return tf.losses.mean_squared_error(gt, predict) + \
               tf.reduce_mean(tf.get_collection('weight_decay')) * TC.weight_dacay

    def acc(self, predict, gt):
        return tf.metrics.mean_squared_error(gt, predict)
