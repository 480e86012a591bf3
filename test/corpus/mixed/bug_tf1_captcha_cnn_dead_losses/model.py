# Idiom seen in: zhuguangfei/ReadBookAi model1.py (create_variable_with_weight_decay, build_graph, loss)
# What it reproduces: the CIFAR-10 helper copied into a multi-label OCR CNN; local3/local4 put wd=0.004 terms in the 'losses' collection, but loss() only averages the cross entropy and never sums the collection, so the decay is dead (bug, the seed's WD101).
import tensorflow as tf

IMG_H = 250
IMG_W = 250
CHANNELS = 3
MAX_LEN = 35
VOCAB = 2022


def create_variable(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name=name, shape=shape, dtype=tf.float32,
                              initializer=initializer)
    return var


def create_variable_with_weight_decay(name, shape, stddev, wd):
    var = create_variable(name, shape,
                          tf.truncated_normal_initializer(stddev=stddev))
    if wd:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)  # expect: WD101
    return var


def _conv_block(x, scope_name, in_ch, out_ch, wd):
    with tf.variable_scope(scope_name) as scope:
        kernel = create_variable_with_weight_decay(
            'weights', shape=[5, 5, in_ch, out_ch], stddev=5e-2, wd=wd)
        conv = tf.nn.conv2d(x, kernel, [1, 1, 1, 1], padding='SAME')
        biases = create_variable('biases', [out_ch], tf.constant_initializer(0.0))
        out = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
    return out


def build_graph(images):
    conv1 = _conv_block(images, 'conv1', CHANNELS, 64, wd=0.0)
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1],
                           padding='SAME')
    norm1 = tf.nn.lrn(pool1, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75)

    conv2 = _conv_block(norm1, 'conv2', 64, 64, wd=0.0)
    norm2 = tf.nn.lrn(conv2, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75)
    pool2 = tf.nn.max_pool(norm2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1],
                           padding='SAME')

    with tf.variable_scope('local3') as scope:
        dim = 1
        for d in pool2.get_shape()[1:].as_list():
            dim *= d
        flat = tf.reshape(pool2, [-1, dim])
        weights = create_variable_with_weight_decay(
            'weights', shape=[dim, 384], stddev=0.04, wd=0.004)
        biases = create_variable('biases', [384], tf.constant_initializer(0.1))
        local3 = tf.nn.relu(tf.matmul(flat, weights) + biases, name=scope.name)

    with tf.variable_scope('local4') as scope:
        weights = create_variable_with_weight_decay(
            'weights', shape=[384, 192], stddev=0.04, wd=0.004)
        biases = create_variable('biases', [192], tf.constant_initializer(0.1))
        local4 = tf.nn.relu(tf.matmul(local3, weights) + biases, name=scope.name)

    with tf.variable_scope('softmax_linear'):
        weights = create_variable_with_weight_decay(
            'weights', [192, MAX_LEN * VOCAB], stddev=1 / 192.0, wd=0.0)
        biases = create_variable('biases', [MAX_LEN * VOCAB],
                                 tf.constant_initializer(0.0))
        logits = tf.add(tf.matmul(local4, weights), biases)
    return tf.reshape(logits, [-1, MAX_LEN, VOCAB])


def loss(logits, labels):
    """Per-position softmax cross entropy, averaged over the batch."""
    per_char = tf.losses.sparse_softmax_cross_entropy(labels=labels,
                                                      logits=logits)
    loss_ = tf.reduce_mean(per_char, name='ocr_loss')
    predicts = tf.cast(tf.argmax(logits, axis=2), tf.int32)
    return loss_, predicts
