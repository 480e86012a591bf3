# Idiom seen in: TropComplique/ShuffleNet-tensorflow shufflenet/get_shufflenet.py
# Idiom seen in: TropComplique/shufflenet-v2-tensorflow model.py
# What it reproduces: graph builder whose _add_weight_decay puts wd * l2_loss(K) into REGULARIZATION_LOSSES
#   (the v2 helper) while the total is tf.add_n(tf.losses.get_losses()), which reads only the LOSSES
#   collection: the decay terms never reach compute_gradients (realistic mistake mixing the two repos).
import tensorflow as tf

from architecture import _mapping
from input_pipeline import _get_data
from CONSTANTS import IMAGE_SIZE, NUM_CLASSES, MOMENTUM, USE_NESTEROV, LR_REDUCE_FACTOR


def get_shufflenet(initial_lr=1e-2, weight_decay=1e-4, groups=3, dropout=0.5,
                   complexity_scale_factor=0.75):
    """Create a ShuffleNet computational graph and return it with a dict of ops."""
    graph = tf.Graph()
    with graph.as_default():
        with tf.variable_scope('control'):
            is_training = tf.placeholder_with_default(True, [], 'is_training')

        with tf.device('/cpu:0'), tf.variable_scope('input_pipeline'):
            data = _get_data(NUM_CLASSES, IMAGE_SIZE)

        with tf.variable_scope('inputs'):
            X = tf.placeholder_with_default(data['x_batch'], [None, IMAGE_SIZE, IMAGE_SIZE, 3], 'X')
            Y = tf.placeholder_with_default(data['y_batch'], [None, NUM_CLASSES], 'Y')

        logits = _mapping(X, is_training, NUM_CLASSES, groups, dropout, complexity_scale_factor)

        with tf.variable_scope('log_loss'):
            log_loss = tf.losses.softmax_cross_entropy(Y, logits)

        with tf.variable_scope('weight_decay'):
            _add_weight_decay(weight_decay)

        with tf.variable_scope('total_loss'):
            total_loss = tf.add_n(tf.losses.get_losses())

        with tf.variable_scope('learning_rate'):
            learning_rate = tf.Variable(initial_lr, trainable=False, dtype=tf.float32, name='lr')
            drop_learning_rate = tf.assign(learning_rate, LR_REDUCE_FACTOR * learning_rate)

        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops), tf.variable_scope('optimizer'):
            optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=MOMENTUM,
                                                   use_nesterov=USE_NESTEROV)
            grads_and_vars = optimizer.compute_gradients(total_loss)
            optimize = optimizer.apply_gradients(grads_and_vars)

        with tf.variable_scope('utilities'):
            init_variables = tf.global_variables_initializer()
            saver = tf.train.Saver()
            is_equal = tf.equal(tf.argmax(logits, 1), tf.argmax(Y, 1))
            accuracy = tf.reduce_mean(tf.cast(is_equal, tf.float32))

    graph.finalize()
    ops = {
        'init_variables': init_variables, 'init_data': data['init_data'],
        'train_init': data['train_init'], 'val_init': data['val_init'],
        'optimize': optimize, 'drop_learning_rate': drop_learning_rate,
        'log_loss': log_loss, 'accuracy': accuracy, 'saver': saver,
    }
    return graph, ops


def _add_weight_decay(weight_decay):
    """Add L2 regularization to all trainable kernel weights."""
    weight_decay = tf.constant(weight_decay, tf.float32, [], 'weight_decay')
    trainable = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES)
    kernels = [v for v in trainable if 'kernel' in v.name]
    for K in kernels:
        l2_loss = tf.multiply(weight_decay, tf.nn.l2_loss(K))
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, l2_loss)  # expect: WD101
