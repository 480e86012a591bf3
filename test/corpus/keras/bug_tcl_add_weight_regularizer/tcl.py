# Idiom seen in: sseung0703/TF2-jit-compile-on-multi-gpu nets/tcl.py
# Idiom seen in: sseung0703/TF2-jit-compile-on-multi-gpu op_utils.py
# What it reproduces: the repo's custom Keras layers (Conv2d/FC/BatchNorm creating their weights with add_weight,
#   defaults injected by an arg_scope decorator); the weight decay is moved from op_utils' gradient update into
#   add_weight(..., regularizer=l2(weight_decay)), but the jit-compiled step never adds model.losses (user mistake).
import tensorflow as tf


def arg_scope(func):
    def func_with_args(self, *args, **kwargs):
        if hasattr(self, 'pre_defined'):
            for k in self.pre_defined.keys():
                if k not in kwargs.keys():
                    kwargs[k] = self.pre_defined[k]
        return func(self, *args, **kwargs)
    return func_with_args


class Conv2d(tf.keras.layers.Layer):
    @arg_scope
    def __init__(self, kernel_size, num_outputs, strides=1, padding='SAME', weight_decay=0.,
                 kernel_initializer=tf.keras.initializers.VarianceScaling(scale=2., mode='fan_out'),
                 use_biases=True, activation_fn=None, name='conv', **kwargs):
        super(Conv2d, self).__init__(name=name, **kwargs)
        self.kernel_size = kernel_size
        self.num_outputs = num_outputs
        self.strides = strides
        self.padding = padding
        self.weight_decay = weight_decay
        self.kernel_initializer = kernel_initializer
        self.use_biases = use_biases
        self.activation_fn = activation_fn

    def build(self, input_shape):
        self.kernel = self.add_weight(name='kernel',
                                      shape=self.kernel_size + [input_shape[-1], self.num_outputs],
                                      initializer=self.kernel_initializer,
                                      regularizer=tf.keras.regularizers.l2(self.weight_decay),  # expect: WD103
                                      trainable=self.trainable)
        if self.use_biases:
            self.biases = self.add_weight(name='biases', shape=[1, 1, 1, self.num_outputs],
                                          initializer=tf.keras.initializers.Zeros(),
                                          trainable=self.trainable)

    def call(self, input):
        conv = tf.nn.conv2d(input, self.kernel, self.strides, self.padding)
        if self.use_biases:
            conv += self.biases
        if self.activation_fn:
            conv = self.activation_fn(conv)
        return conv


class FC(tf.keras.layers.Layer):
    @arg_scope
    def __init__(self, num_outputs, weight_decay=0., use_biases=True, activation_fn=None,
                 kernel_initializer=tf.keras.initializers.random_normal(stddev=1e-2), name='fc', **kwargs):
        super(FC, self).__init__(name=name, **kwargs)
        self.num_outputs = num_outputs
        self.weight_decay = weight_decay
        self.use_biases = use_biases
        self.activation_fn = activation_fn
        self.kernel_initializer = kernel_initializer

    def build(self, input_shape):
        self.kernel = self.add_weight(name='kernel', shape=[int(input_shape[-1]), self.num_outputs],
                                      initializer=self.kernel_initializer,
                                      regularizer=tf.keras.regularizers.l2(self.weight_decay),  # expect: WD103
                                      trainable=self.trainable)
        if self.use_biases:
            self.biases = self.add_weight(name='biases', shape=[1, self.num_outputs],
                                          initializer=tf.keras.initializers.Zeros(),
                                          trainable=self.trainable)

    def call(self, input):
        fc = tf.matmul(input, self.kernel)
        if self.use_biases:
            fc += self.biases
        if self.activation_fn:
            fc = self.activation_fn(fc)
        return fc


class BatchNorm(tf.keras.layers.Layer):
    @arg_scope
    def __init__(self, activation_fn=None, name='bn', **kwargs):
        super(BatchNorm, self).__init__(name=name, **kwargs)
        self.inner = tf.keras.layers.BatchNormalization(momentum=0.9, epsilon=1e-5)
        self.activation_fn = activation_fn

    def call(self, input, training=None):
        bn = self.inner(input, training=training)
        return self.activation_fn(bn) if self.activation_fn else bn
