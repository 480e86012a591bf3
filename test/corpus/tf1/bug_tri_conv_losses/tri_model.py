# Idiom seen in: da-steve101/binary_connect_cifar src/main/python/Cifar10Tri.py
# What it reproduces: ternary-weight CIFAR net whose get_conv/get_dense helpers put 1e-4*l2_loss(w)
# into the 'losses' collection; the training script (train_tri.py, written as a user would) minimizes
# only the mean cross entropy, so both collection terms never reach the optimizer (WD101).
import tensorflow as tf


def trinarize(x, nu=1.0):
    clipped = tf.clip_by_value(x, -1, 1)
    thres = nu * tf.reduce_mean(tf.abs(clipped))
    kept = tf.where(tf.abs(clipped) < thres, tf.zeros_like(clipped), clipped)
    eta = tf.reduce_mean(tf.abs(kept))
    return tf.sign(kept) * eta


def trin_stop_grad(x, nu):
    return x + tf.stop_gradient(trinarize(x, nu) - x)


def get_conv(x, filter_out, kernel_size, strides, nu):
    shape = [kernel_size, kernel_size, x.get_shape()[-1], filter_out]
    conv_weights = tf.get_variable('conv_weights', shape=shape,
                                   initializer=tf.contrib.layers.xavier_initializer())
    tf.add_to_collection(tf.GraphKeys.WEIGHTS, conv_weights)
    wd_term = tf.multiply(tf.nn.l2_loss(conv_weights), 0.0001, name='weight_loss')
    tf.add_to_collection('losses', wd_term)  # expect: WD101
    tri_weights = trin_stop_grad(conv_weights, nu)
    return tf.nn.conv2d(x, tri_weights, strides=strides, padding='SAME')


def get_dense(x, outputs, nu):
    shape = [x.get_shape()[-1], outputs]
    dense_weights = tf.get_variable('dense_weights', shape=shape,
                                    initializer=tf.contrib.layers.xavier_initializer())
    wd_term = tf.multiply(tf.nn.l2_loss(dense_weights), 0.0001, name='weight_loss')
    tf.add_to_collection('losses', wd_term)  # expect: WD101
    bias = tf.get_variable('dense_bias', shape=[outputs])
    return tf.matmul(x, trin_stop_grad(dense_weights, nu)) + bias


def conv_bn_relu(x, filter_out, training=True, nu=0.7):
    out = get_conv(x, filter_out, 3, (1, 1, 1, 1), nu)
    out = tf.layers.batch_normalization(out, training=training)
    return tf.nn.relu(out)


def inference(images, training=True):
    net = images
    for i, (width, nu) in enumerate([(64, 0.7), (64, 1.4), (128, 1.4), (128, 1.4)]):
        with tf.variable_scope('conv%d' % (i + 1)):
            net = conv_bn_relu(net, width, training=training, nu=nu)
        if i % 2 == 1:
            net = tf.layers.max_pooling2d(net, 2, 2)
    with tf.variable_scope('fc_1024'):
        dims = 1
        for d in net.get_shape().as_list()[1:]:
            dims *= d
        net = tf.reshape(net, [-1, dims])
        net = tf.nn.relu(tf.layers.batch_normalization(get_dense(net, 1024, 1.4), training=training))
    with tf.variable_scope('softmax'):
        logits = get_dense(net, 10, 1.0)
    return logits
