# BROKEN ON PURPOSE (Decay Lens demo): loss() returns cross_entropy_mean instead of
# tf.add_n(tf.get_collection('losses')), so the wd=0.004 terms that
# _variable_with_weight_decay adds to 'losses' never reach the optimizer (WD101).
"""A small CIFAR-10 classifier in TensorFlow 1 graph style.

Weight decay works the way TensorFlow's CIFAR-10 tutorial does it: every
decayed weight adds wd * l2_loss(weight) to the 'losses' collection, loss()
should return the sum of that collection for train() to minimize.
"""
import tensorflow as tf

IMAGE_SIZE = 24
NUM_CHANNELS = 3
NUM_CLASSES = 10
BATCH_SIZE = 128
NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN = 50000

INITIAL_LEARNING_RATE = 0.1
LEARNING_RATE_DECAY_FACTOR = 0.1
NUM_EPOCHS_PER_DECAY = 350.0


def _variable_on_cpu(name, shape, initializer):
    """Create a float32 variable stored in host memory."""
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, stddev, wd):
    """Create a weight with a truncated normal start value.

    If wd is not None, wd * l2_loss(weight) is added to the 'losses'
    collection. The variable itself is returned unchanged: the decay acts
    only through the sum that loss() builds from that collection.
    """
    initializer = tf.truncated_normal_initializer(stddev=stddev, dtype=tf.float32)
    var = _variable_on_cpu(name, shape, initializer)
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def _conv_relu(inputs, kernel, biases, name):
    conv = tf.nn.conv2d(inputs, kernel, strides=[1, 1, 1, 1], padding='SAME')
    return tf.nn.relu(tf.nn.bias_add(conv, biases), name=name)


def _pool(inputs, name):
    return tf.nn.max_pool(inputs, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1],
                          padding='SAME', name=name)


def inference(images):
    """Map a batch of images [BATCH_SIZE, 24, 24, 3] to logits [BATCH_SIZE, 10]."""
    with tf.variable_scope('conv1') as scope:
        kernel = _variable_with_weight_decay('weights', [5, 5, NUM_CHANNELS, 64],
                                             stddev=5e-2, wd=None)
        biases = _variable_on_cpu('biases', [64], tf.constant_initializer(0.0))
        conv1 = _conv_relu(images, kernel, biases, scope.name)
    pool1 = _pool(conv1, 'pool1')

    with tf.variable_scope('conv2') as scope:
        kernel = _variable_with_weight_decay('weights', [5, 5, 64, 64],
                                             stddev=5e-2, wd=0.0)
        biases = _variable_on_cpu('biases', [64], tf.constant_initializer(0.1))
        conv2 = _conv_relu(pool1, kernel, biases, scope.name)
    pool2 = _pool(conv2, 'pool2')

    # Two stride-2 poolings: 24 -> 12 -> 6.
    dim = (IMAGE_SIZE // 4) * (IMAGE_SIZE // 4) * 64
    flat = tf.reshape(pool2, [-1, dim])

    with tf.variable_scope('local3') as scope:
        weights = _variable_with_weight_decay('weights', [dim, 384],
                                              stddev=0.04, wd=0.004)
        biases = _variable_on_cpu('biases', [384], tf.constant_initializer(0.1))
        local3 = tf.nn.relu(tf.matmul(flat, weights) + biases, name=scope.name)

    with tf.variable_scope('local4') as scope:
        weights = _variable_with_weight_decay('weights', [384, 192],
                                              stddev=0.04, wd=0.004)
        biases = _variable_on_cpu('biases', [192], tf.constant_initializer(0.1))
        local4 = tf.nn.relu(tf.matmul(local3, weights) + biases, name=scope.name)

    with tf.variable_scope('softmax_linear') as scope:
        weights = _variable_with_weight_decay('weights', [192, NUM_CLASSES],
                                              stddev=1 / 192.0, wd=None)
        biases = _variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.0))
        logits = tf.add(tf.matmul(local4, weights), biases, name=scope.name)

    return logits


def loss(logits, labels):
    """Return the training objective (meant to include all decay terms)."""
    labels = tf.cast(labels, tf.int64)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=labels, logits=logits, name='cross_entropy_per_example')
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)
    return cross_entropy_mean


def train(total_loss, global_step):
    """Build one plain SGD step on total_loss with a stepwise learning rate."""
    batches_per_epoch = NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN // BATCH_SIZE
    decay_steps = int(batches_per_epoch * NUM_EPOCHS_PER_DECAY)
    lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, decay_steps,
                                    LEARNING_RATE_DECAY_FACTOR, staircase=True)
    tf.summary.scalar('learning_rate', lr)
    tf.summary.scalar('total_loss', total_loss)

    opt = tf.train.GradientDescentOptimizer(lr)
    grads = opt.compute_gradients(total_loss)
    apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
    return apply_gradient_op
