# Idiom seen in: SeanLee97/artf artf/__init__.py
# Idiom seen in: SeanLee97/artf artf/conv.py
# Idiom seen in: SeanLee97/artf artf/qanet.py
# What it reproduces: QANet building blocks in the artf style, each tf.get_variable given the module-level
#   regularizer = l2_regularizer(scale=3e-7); the user's trainer (qanet.py) minimizes the span loss alone and
#   never reads REGULARIZATION_LOSSES (artf ships no trainer; a realistic omission), so every regularizer=
#   keyword is dead (WD102).
import tensorflow as tf

initializer = lambda: tf.contrib.layers.variance_scaling_initializer(
    factor=1.0, mode='FAN_AVG', uniform=True, dtype=tf.float32)
initializer_relu = lambda: tf.contrib.layers.variance_scaling_initializer(
    factor=2.0, mode='FAN_IN', uniform=False, dtype=tf.float32)
regularizer = tf.contrib.layers.l2_regularizer(scale=3e-7)


def conv(inputs, output_size, bias=None, activation=None, kernel_size=1,
         name="conv", reuse=None):
    with tf.variable_scope(name, reuse=reuse):
        shapes = inputs.shape.as_list()
        filter_shape = [kernel_size, shapes[-1], output_size]
        bias_shape = [1, 1, output_size]
        kernel_ = tf.get_variable("kernel_", filter_shape, dtype=tf.float32,
                                  regularizer=regularizer,  # expect: WD102
                                  initializer=initializer_relu() if activation is not None else initializer())
        outputs = tf.nn.conv1d(inputs, kernel_, 1, "SAME")
        if bias:
            outputs += tf.get_variable("bias_", bias_shape,
                                       regularizer=regularizer,  # expect: WD102
                                       initializer=tf.zeros_initializer())
        if activation is not None:
            return activation(outputs)
        return outputs


def highway(x, size=None, activation=tf.nn.relu, num_layers=2, scope="highway",
            dropout=0.0, reuse=None):
    with tf.variable_scope(scope, reuse):
        if size is None:
            size = x.shape.as_list()[-1]
        else:
            x = conv(x, size, name="input_projection", reuse=reuse)
        for i in range(num_layers):
            T = conv(x, size, bias=True, activation=tf.sigmoid, name="gate_%d" % i, reuse=reuse)
            H = conv(x, size, bias=True, activation=activation, name="activation_%d" % i, reuse=reuse)
            H = tf.nn.dropout(H, 1.0 - dropout)
            x = H * T + x * (1.0 - T)
        return x


def depthwise_separable_convolution(inputs, kernel_size, num_filters,
                                    scope="depthwise_separable_convolution",
                                    bias=True, is_training=True, reuse=None):
    with tf.variable_scope(scope, reuse=reuse):
        shapes = inputs.shape.as_list()
        depthwise_filter = tf.get_variable(
            "depthwise_filter", (kernel_size[0], kernel_size[1], shapes[-1], 1),
            dtype=tf.float32,
            regularizer=tf.contrib.layers.l2_regularizer(scale=3e-7),  # expect: WD102
            initializer=initializer_relu())
        pointwise_filter = tf.get_variable(
            "pointwise_filter", (1, 1, shapes[-1], num_filters),
            dtype=tf.float32,
            regularizer=tf.contrib.layers.l2_regularizer(scale=3e-7),  # expect: WD102
            initializer=initializer_relu())
        outputs = tf.nn.separable_conv2d(inputs, depthwise_filter, pointwise_filter,
                                         strides=(1, 1, 1, 1), padding="SAME")
        if bias:
            b = tf.get_variable("bias", outputs.shape[-1],
                                regularizer=regularizer,  # expect: WD102
                                initializer=tf.zeros_initializer())
            outputs += b
        return tf.nn.relu(outputs)


def mask_logits(inputs, mask, mask_value=-1e30):
    mask = tf.cast(mask, tf.float32)
    return inputs + mask_value * (1 - mask)
