# Idiom seen in: sseung0703/CNN_via_Tensorflow2_low-level nets/tcl.py
# What it reproduces: low-level Keras layers that create their kernels with self.add_weight(...,
#   regularizer=self.kernel_regularizer) and take defaults from a class attribute `pre_defined`
#   (a hand-made arg_scope). The regularization terms reach model.losses; op_util.py adds them. Clean.
import tensorflow as tf


def arg_scope(func):
    def func_with_args(self, *args, **kwargs):
        if hasattr(self, 'pre_defined'):
            for k in self.pre_defined.keys():
                kwargs[k] = self.pre_defined[k]
        return func(self, *args, **kwargs)
    return func_with_args


class Conv2d(tf.keras.layers.Layer):
    @arg_scope
    def __init__(self, kernel_size, num_outputs, strides=1, padding='SAME',
                 kernel_regularizer=None, use_biases=True, activation_fn=tf.nn.relu):
        super(Conv2d, self).__init__()
        self.kernel_size = kernel_size
        self.num_outputs = num_outputs
        self.strides = strides
        self.padding = padding
        self.kernel_regularizer = kernel_regularizer
        self.use_biases = use_biases
        self.activation_fn = activation_fn

    def build(self, input_shape):
        self.kernel = self.add_weight(name='kernel',
                                      shape=self.kernel_size + [int(input_shape[-1]), self.num_outputs],
                                      initializer=tf.keras.initializers.VarianceScaling(),
                                      regularizer=self.kernel_regularizer)
        if self.use_biases:
            self.biases = self.add_weight(name='biases', shape=[self.num_outputs], initializer='zeros')

    def call(self, x):
        conv = tf.nn.conv2d(x, self.kernel, self.strides, self.padding)
        if self.use_biases:
            conv += self.biases
        return self.activation_fn(conv) if self.activation_fn else conv


class FC(tf.keras.layers.Layer):
    @arg_scope
    def __init__(self, num_outputs, kernel_regularizer=None, activation_fn=None):
        super(FC, self).__init__()
        self.num_outputs = num_outputs
        self.kernel_regularizer = kernel_regularizer
        self.activation_fn = activation_fn

    def build(self, input_shape):
        self.kernel = self.add_weight(name='kernel', shape=[int(input_shape[-1]), self.num_outputs],
                                      initializer=tf.keras.initializers.VarianceScaling(),
                                      regularizer=self.kernel_regularizer)
        self.biases = self.add_weight(name='biases', shape=[self.num_outputs], initializer='zeros')

    def call(self, x):
        fc = tf.matmul(x, self.kernel) + self.biases
        return self.activation_fn(fc) if self.activation_fn else fc


class BatchNorm(tf.keras.layers.BatchNormalization):
    pass
