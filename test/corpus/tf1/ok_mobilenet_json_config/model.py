# Idiom seen in: MG2033/MobileNet model.py
# What it reproduces: MobileNet class passes self.args.l2_strength to every layer, and __init_output sums
#   REGULARIZATION_LOSSES into self.loss, which AdamOptimizer minimizes (clean).
import tensorflow as tf

from layers import conv2d, depthwise_separable_conv2d


class MobileNet:

    def __init__(self, args):
        self.args = args
        self.X = tf.placeholder(tf.float32, [None, args.img_height, args.img_width, args.num_channels])
        self.y = tf.placeholder(tf.int32, [None])
        self.is_training = tf.placeholder(tf.bool)
        self.loss = None
        self.regularization_loss = None
        self.cross_entropy_loss = None
        self.__build()

    def __build(self):
        with tf.variable_scope('mobilenet_encoder'):
            net = conv2d('conv_1', self.X, num_filters=int(round(32 * self.args.width_multiplier)),
                         kernel_size=(3, 3), stride=(2, 2), activation=tf.nn.relu6,
                         batchnorm_enabled=self.args.batchnorm_enabled, is_training=self.is_training,
                         l2_strength=self.args.l2_strength, bias=self.args.bias)
            for i, (filters, stride) in enumerate([(64, 1), (128, 2), (128, 1), (256, 2), (256, 1),
                                                   (512, 2), (1024, 2), (1024, 1)]):
                net = depthwise_separable_conv2d('conv_ds_%d' % (i + 2), net, num_filters=filters,
                                                 width_multiplier=self.args.width_multiplier,
                                                 stride=(stride, stride),
                                                 l2_strength=self.args.l2_strength,
                                                 batchnorm_enabled=self.args.batchnorm_enabled,
                                                 is_training=self.is_training)
            net = tf.reduce_mean(net, axis=[1, 2], keepdims=True)
            self.logits = tf.squeeze(conv2d('fc', net, num_filters=self.args.num_classes,
                                            kernel_size=(1, 1), l2_strength=self.args.l2_strength,
                                            bias=self.args.bias), axis=[1, 2])
        self.__init_output()

    def __init_output(self):
        with tf.variable_scope('output'):
            self.regularization_loss = tf.reduce_sum(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
            self.cross_entropy_loss = tf.reduce_mean(
                tf.nn.sparse_softmax_cross_entropy_with_logits(logits=self.logits, labels=self.y, name='loss'))
            self.loss = self.regularization_loss + self.cross_entropy_loss
            update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
            with tf.control_dependencies(update_ops):
                self.train_op = tf.train.AdamOptimizer(learning_rate=self.args.learning_rate).minimize(self.loss)
            tf.summary.scalar('loss', self.loss)
