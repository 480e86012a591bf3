# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/eenet.py
# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/model_controller.py
# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/modules/optimizer.py
# What it reproduces: a BraTS 3D segmentation net whose conv helper got kernel_regularizer=l2_regularizer(wd) (user
#   variant); the model loss is tf.losses.sparse_softmax_cross_entropy only and slim.learning.create_train_op
#   trains that tensor as given, so REGULARIZATION_LOSSES are never added: the decay is dead (WD102).
import tensorflow as tf


def batch_norm(t, training):
    return tf.layers.batch_normalization(t, axis=1, training=training)


def cb(t, n_chans, kernel_size, scope, training, weight_decay, relu=False):
    with tf.variable_scope(scope):
        t = tf.layers.conv3d(t, n_chans, kernel_size, use_bias=False,
                             data_format='channels_first',
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(weight_decay))  # expect: WD102
        t = batch_norm(t, training=training)
        return t if not relu else tf.nn.relu(t)


def bottleneck(t, int_chans, out_chans, kernel_size, training, weight_decay, scope):
    with tf.variable_scope(scope):
        t1 = cb(t, int_chans, 1, 'encode', training, weight_decay, relu=True)
        t1 = cb(t1, int_chans, kernel_size, 'process', training, weight_decay, relu=True)
        t1 = cb(t1, out_chans, 1, 'decode', training, weight_decay)
        s = kernel_size // 2
        t2 = t[:, :, s:-s, s:-s, s:-s]
        if t.get_shape()[1] != out_chans:
            t2 = cb(t2, out_chans, 1, 'transform', training, weight_decay)
        return tf.nn.relu(t1 + t2)


class EEnet:
    def __init__(self, blocks, n_classes, kernel_size, weight_decay=1e-4):
        self.x_ph = tf.placeholder(tf.float32, (None, blocks[0], None, None, None), name='x')
        self.y_ph = tf.placeholder(tf.int64, (None, None, None, None), name='y_true')
        self.is_training = tf.placeholder(tf.bool, name='is_training')

        t = self.x_ph
        with tf.variable_scope('model'):
            for i, n_chans in enumerate(blocks[1:]):
                t = bottleneck(t, n_chans // 2, n_chans, kernel_size, self.is_training,
                               weight_decay, scope='bottleneck_{}'.format(i))
            t = cb(t, n_classes, 1, 'predict', self.is_training, weight_decay)

        self.logits = t
        with tf.name_scope('predict'):
            self.y_pred = tf.argmax(self.logits, axis=1)
        with tf.name_scope('loss'):
            self.loss = tf.losses.sparse_softmax_cross_entropy(
                self.y_ph, tf.transpose(self.logits, [0, 2, 3, 4, 1]))
        self.x_phs = [self.x_ph]

    @property
    def graph(self):
        return tf.get_default_graph()
