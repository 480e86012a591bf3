# Idiom seen in: MarvinTeichmann/KittiSeg decoder/kitti_multiloss.py
# What it reproduces: the decoder's loss() sums REGULARIZATION_LOSSES into weight_loss and returns a
#   dict; 'total_loss' = cross entropy + weight_loss is what generic_optimizer.training() uses: clean.
import tensorflow as tf


def decoder(hypes, logits, train):
    decoded_logits = {'logits': logits['fcn_logits']}
    decoded_logits['softmax'] = tf.nn.softmax(tf.reshape(logits['fcn_logits'], (-1, hypes['arch']['num_classes'])))
    return decoded_logits


def loss(hypes, decoded_logits, labels):
    logits = decoded_logits['logits']
    with tf.name_scope('loss'):
        logits = tf.reshape(logits, (-1, 2))
        epsilon = tf.constant(value=hypes['solver']['epsilon'])
        labels = tf.to_float(tf.reshape(labels, (-1, 2)))
        softmax = tf.nn.softmax(logits) + epsilon
        head = hypes['arch']['weight']
        cross_entropy = -tf.reduce_sum(tf.multiply(labels * tf.log(softmax), head), reduction_indices=[1])
        cross_entropy_mean = tf.reduce_mean(cross_entropy, name='xentropy_mean')

        reg_loss_col = tf.GraphKeys.REGULARIZATION_LOSSES
        weight_loss = tf.add_n(tf.get_collection(reg_loss_col), name='reg_loss')
        total_loss = cross_entropy_mean + weight_loss

        losses = {}
        losses['total_loss'] = total_loss
        losses['xentropy'] = cross_entropy_mean
        losses['weight_loss'] = weight_loss
    return losses
