# Idiom seen in: taki0112/SPADE-Tensorflow ops.py
# Idiom seen in: taki0112/SPADE-Tensorflow SPADE.py
# What it reproduces: GAN layer module: a module-level `weight_regularizer` given to tf.layers.conv2d /
#   tf.get_variable, and `regularization_loss(scope_name)` that sums REGULARIZATION_LOSSES per scope.
#   Both the generator's and the discriminator's sums are added to their own losses. Clean.
import tensorflow as tf
import tensorflow.contrib as tf_contrib

weight_init = tf_contrib.layers.variance_scaling_initializer(factor=0.0003, mode='FAN_AVG', uniform=False)
weight_regularizer = tf_contrib.layers.l2_regularizer(scale=0.0001)
weight_regularizer_fully = tf_contrib.layers.l2_regularizer(scale=0.0001)


def conv(x, channels, kernel=4, stride=2, use_bias=True, sn=False, scope='conv_0'):
    with tf.variable_scope(scope):
        if sn:
            w = tf.get_variable("kernel", shape=[kernel, kernel, x.get_shape()[-1], channels], initializer=weight_init, regularizer=weight_regularizer)
            x = tf.nn.conv2d(input=x, filter=spectral_norm(w), strides=[1, stride, stride, 1], padding='SAME')
            if use_bias:
                bias = tf.get_variable("bias", [channels], initializer=tf.constant_initializer(0.0))
                x = tf.nn.bias_add(x, bias)
        else:
            x = tf.layers.conv2d(inputs=x, filters=channels, kernel_size=kernel, kernel_initializer=weight_init, kernel_regularizer=weight_regularizer, strides=stride, padding='SAME', use_bias=use_bias)
        return x


def fully_connected(x, units, use_bias=True, scope='linear'):
    with tf.variable_scope(scope):
        x = tf.layers.flatten(x)
        return tf.layers.dense(x, units=units, kernel_initializer=weight_init, kernel_regularizer=weight_regularizer_fully, use_bias=use_bias)


def spectral_norm(w, iteration=1):
    w_shape = w.shape.as_list()
    w = tf.reshape(w, [-1, w_shape[-1]])
    u = tf.get_variable("u", [1, w_shape[-1]], initializer=tf.random_normal_initializer(), trainable=False)
    v_hat = tf.nn.l2_normalize(tf.matmul(u, tf.transpose(w)))
    u_hat = tf.nn.l2_normalize(tf.matmul(v_hat, w))
    u_hat, v_hat = tf.stop_gradient(u_hat), tf.stop_gradient(v_hat)
    sigma = tf.matmul(tf.matmul(v_hat, w), tf.transpose(u_hat))
    with tf.control_dependencies([u.assign(u_hat)]):
        return tf.reshape(w / sigma, w_shape)


def discriminator_loss(real, fake):
    real_loss = tf.reduce_mean(tf.nn.relu(1.0 - real))
    fake_loss = tf.reduce_mean(tf.nn.relu(1.0 + fake))
    return real_loss + fake_loss


def generator_loss(fake):
    return -tf.reduce_mean(fake)


def L1_loss(x, y):
    return tf.reduce_mean(tf.abs(x - y))


def regularization_loss(scope_name):
    """
    g_loss += regularization_loss('generator')
    d_loss += regularization_loss('discriminator')
    """
    collection_regularization = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    loss = []
    for item in collection_regularization:
        if scope_name in item.name:
            loss.append(item)
    return tf.reduce_sum(loss)
