# Idiom seen in: Freshield/LEARN_TENSORFLOW 20_Project/03_model_CNN/CNN_model.py
# What it reproduces: a layer-helper module whose layers return their (W, b) so get_loss can add
#   0.5 * reg * (l2_loss(W) + l2_loss(b)) per layer, and a get_train_op(loss, lr, optimizer) factory.
import tensorflow as tf


def weight_variable(shape, stddev):
    return tf.Variable(tf.truncated_normal(shape, stddev=stddev), name='W')


def biases_variable(shape, value):
    return tf.Variable(tf.constant(value, shape=shape), name='b')


def get_conv_layer(inputs, input_depth, conv_depth, stddev, b_value, F, name='conv', S=1,
                   padding='SAME', act=tf.nn.relu):
    with tf.name_scope(name):
        W_conv = weight_variable([F, F, input_depth, conv_depth], stddev)
        b_conv = biases_variable([conv_depth], b_value)
        h_conv = act(tf.nn.conv2d(inputs, W_conv, [1, S, S, 1], padding) + b_conv, name='activation')
        h_pool = tf.nn.max_pool(h_conv, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
    return h_pool, (W_conv, b_conv)


def get_fc_layer(inputs, input_size, hidden_size, stddev, b_value, name='hidden', act=tf.nn.relu):
    with tf.name_scope(name):
        W = weight_variable([input_size, hidden_size], stddev)
        b = biases_variable([hidden_size], b_value)
        activation = act(tf.matmul(inputs, W) + b, name='activation')
    return activation, (W, b)


def get_logits(x, conv1_depth, conv2_depth, fc1_size, labels_size, stddev):
    conv1, conv1_para = get_conv_layer(x, 1, conv1_depth, stddev, stddev, 3, 'conv1')
    conv2, conv2_para = get_conv_layer(conv1, conv1_depth, conv2_depth, stddev, stddev, 3, 'conv2')
    flat = tf.reshape(conv2, [-1, 5 * 7 * conv2_depth])
    fc1, fc1_para = get_fc_layer(flat, 5 * 7 * conv2_depth, fc1_size, stddev, stddev, 'fc1')
    keep_prob = tf.placeholder(tf.float32)
    fc1_drop = tf.nn.dropout(fc1, keep_prob=keep_prob)
    y, scores_para = get_fc_layer(fc1_drop, fc1_size, labels_size, stddev, stddev, 'scores', act=tf.identity)
    return y, [conv1_para, conv2_para, fc1_para, scores_para], keep_prob


def get_loss(y, y_one_hot, total_parameters, reg, use_l2_loss=True):
    with tf.name_scope('loss'):
        cross_entropy = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits(labels=y_one_hot, logits=y), name='xentropy')
        if use_l2_loss:
            reg_loss = 0
            for W, b in total_parameters:
                reg_loss += 0.5 * reg * (tf.nn.l2_loss(W) + tf.nn.l2_loss(b))
            loss = cross_entropy + reg_loss
        else:
            loss = cross_entropy
        tf.summary.scalar('cross_entropy', cross_entropy)
        tf.summary.scalar('loss', loss)
        return loss


def get_train_op(loss, lr_rate, optimizer=tf.train.AdamOptimizer):
    with tf.name_scope('train'):
        return optimizer(lr_rate).minimize(loss)
