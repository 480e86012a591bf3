# Idiom seen in: taigw/brats17 util/MSNet.py (NiftyNet-style layers)
# What it reproduces: a network class that receives w_regularizer/b_regularizer from the caller and hands them to tf.get_variable(regularizer=...) in every conv block, so the penalties land in REGULARIZATION_LOSSES. Bug (see train.py): the training loss never retrieves that collection.
import tensorflow as tf


class ConvBNReLU(object):
    def __init__(self, n_out, kernel=(3, 3, 3), dilation=1, w_regularizer=None,
                 b_regularizer=None, name='conv'):
        self.n_out = n_out
        self.kernel = list(kernel)
        self.dilation = dilation
        self.w_regularizer = w_regularizer
        self.b_regularizer = b_regularizer
        self.name = name

    def __call__(self, x, is_training):
        n_in = x.get_shape().as_list()[-1]
        with tf.variable_scope(self.name):
            w = tf.get_variable('w', self.kernel + [n_in, self.n_out],
                                initializer=tf.variance_scaling_initializer(),
                                regularizer=self.w_regularizer)  # expect: WD102
            b = tf.get_variable('b', [self.n_out],
                                initializer=tf.zeros_initializer(),
                                regularizer=self.b_regularizer)  # expect: WD102
            y = tf.nn.convolution(x, w, padding='SAME',
                                  dilation_rate=[1, self.dilation, self.dilation])
            y = tf.nn.bias_add(y, b)
            y = tf.layers.batch_normalization(y, training=is_training)
            return tf.nn.relu(y)


class MSNet(object):
    def __init__(self, num_classes, w_regularizer=None, b_regularizer=None, name='MSNet'):
        self.num_classes = num_classes
        self.w_regularizer = w_regularizer
        self.b_regularizer = b_regularizer
        self.name = name
        self.base_chns = [32, 32, 32, 32]

    def set_params(self, params):
        self.base_chns = params.get('base_feature_number', self.base_chns)

    def _block(self, n_out, dilation, name):
        return ConvBNReLU(n_out, kernel=(1, 3, 3), dilation=dilation,
                          w_regularizer=self.w_regularizer,
                          b_regularizer=self.b_regularizer, name=name)

    def __call__(self, images, is_training=True):
        with tf.variable_scope(self.name):
            f = images
            for i, (c, d) in enumerate(zip(self.base_chns, [1, 2, 3, 1])):
                f = self._block(c, d, 'block%d_a' % i)(f, is_training)
                f = self._block(c, d, 'block%d_b' % i)(f, is_training)
            head = ConvBNReLU(self.num_classes, kernel=(1, 3, 3),
                              w_regularizer=self.w_regularizer,
                              b_regularizer=self.b_regularizer, name='pred')
            return head(f, is_training)
