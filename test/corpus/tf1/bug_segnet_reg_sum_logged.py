# Idiom seen in: nomanshafqat/Segnet loss.py
# What it reproduces: a SegNet-style script whose loss(logits, labels) returns the mean pixel cross entropy; this user
#   variant gave the convs kernel_regularizer and built total_loss = loss + get_regularization_loss() for TensorBoard,
#   but the optimizer still minimizes the bare cross entropy, so the regularization sum is only logged (WD105).
import argparse

import tensorflow as tf

from inputs import get_filename_list, camvid_batch

NUM_CLASSES = 12


def conv_bn_relu(x, filters, training, weight_decay, name):
    with tf.variable_scope(name):
        x = tf.layers.conv2d(x, filters, 7, padding='same', use_bias=False,
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(weight_decay))
        x = tf.layers.batch_normalization(x, training=training)
        return tf.nn.relu(x)


def inference(images, training, weight_decay):
    x = conv_bn_relu(images, 64, training, weight_decay, 'conv1')
    x, idx1 = tf.nn.max_pool_with_argmax(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
    x = conv_bn_relu(x, 64, training, weight_decay, 'conv2')
    x = tf.image.resize_nearest_neighbor(x, tf.shape(images)[1:3])
    x = conv_bn_relu(x, 64, training, weight_decay, 'deconv1')
    return tf.layers.conv2d(x, NUM_CLASSES, 1, name='classifier')


def loss(logits, labels):
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels)
    return tf.reduce_mean(cross_entropy, name='loss')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--train_dir', default='CamVid/train.txt')
    parser.add_argument('--batch_size', type=int, default=5)
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--max_steps', type=int, default=20000)
    args = parser.parse_args()

    images, labels = camvid_batch(get_filename_list(args.train_dir), args.batch_size)
    training = tf.placeholder_with_default(True, shape=(), name='training')
    logits = inference(images, training, args.weight_decay)

    seg_loss = loss(logits, tf.squeeze(labels, axis=3))
    total_loss = seg_loss + tf.losses.get_regularization_loss()  # expect: WD105
    tf.summary.scalar('seg_loss', seg_loss)
    tf.summary.scalar('total_loss', total_loss)

    global_step = tf.train.get_or_create_global_step()
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops):
        train_op = tf.train.AdamOptimizer(args.lr).minimize(seg_loss, global_step=global_step)

    summary_op = tf.summary.merge_all()
    with tf.train.MonitoredTrainingSession(checkpoint_dir='./logs') as sess:
        for step in range(args.max_steps):
            _, l, _ = sess.run([train_op, seg_loss, summary_op])
            if step % 100 == 0:
                print('step %d, loss = %.4f' % (step, l))


if __name__ == '__main__':
    main()
