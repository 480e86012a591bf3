# Idiom seen in: haesemeyer/GradientPrediction core.py
# What it reproduces: shared helpers of the zebrafish thermal-navigation models: create_weight_var adds
#   w_decay * l2_loss(var) to loss_collection (default "losses"), get_loss sums one collection. The models
#   in mo_types.py train on their own collection, but their hidden layers call create_weight_var without
#   passing it, so the decay terms land in "losses", which nothing sums (see mo_types.py).
import tensorflow as tf


def create_weight_var(name, shape, w_decay=None, loss_collection="losses"):
    """
    Creates a weight variable with optional weight decay initialized with xavier
    :param w_decay: None or L2 loss term if weight decay is desired
    :param loss_collection: The name of the collection to which loss should be added
    """
    var = tf.get_variable(name, shape, initializer=tf.contrib.layers.xavier_initializer())
    if w_decay is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), w_decay, name="l2_w_loss_" + name)
        tf.add_to_collection(loss_collection, weight_decay)  # expect: WD101
    return var


def create_bias_var(name, shape):
    initial = tf.constant(0.1, shape=shape)
    return tf.Variable(initial, name=name)


def create_conv2d(name, x, W, mode="VALID"):
    return tf.nn.conv2d(x, W, strides=[1, 1, 1, 1], padding=mode, name=name)


def get_loss(labels, predictions, loss_collection="losses"):
    """
    Computes the total loss as the mean squared error loss of the current prediction and
    all the weight decay losses in the model
    """
    sq_loss = tf.losses.mean_squared_error(labels=labels, predictions=predictions)
    joint_loss = tf.reduce_sum(sq_loss)
    tf.add_to_collection(loss_collection, joint_loss)
    return tf.add_n(tf.get_collection(loss_collection), name='total_loss'), joint_loss


def create_train_step(total_loss, learning_rate=1e-4):
    return tf.train.AdamOptimizer(learning_rate).minimize(total_loss)
