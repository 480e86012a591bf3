# Idiom seen in: kkweon/UNet-in-Tensorflow train.py (commit "[feat] add L2 regularizer"; issue #7 "regularization")
# What it reproduces: a TF1 U-Net whose tf.layers.conv2d / conv2d_transpose get kernel_regularizer=l2_regularizer(flags.reg),
#   but make_train_op minimizes -IOU only and never fetches REGULARIZATION_LOSSES: the L2 terms are dead (bug).
import os
import time

import pandas as pd
import tensorflow as tf

from utils.data import get_image_mask


def conv_conv_pool(input_, n_filters, training, flags, name, pool=True, activation=tf.nn.relu):
    """{Conv -> BN -> RELU}x2 -> {Pool, optional}"""
    net = input_
    with tf.variable_scope("layer{}".format(name)):
        for i, F in enumerate(n_filters):
            net = tf.layers.conv2d(
                net, F, (3, 3), activation=None, padding='same',
                kernel_regularizer=tf.contrib.layers.l2_regularizer(flags.reg),  # expect: WD102
                name="conv_{}".format(i + 1))
            net = tf.layers.batch_normalization(net, training=training, name="bn_{}".format(i + 1))
            net = activation(net, name="relu{}_{}".format(name, i + 1))
        if pool is False:
            return net
        return net, tf.layers.max_pooling2d(net, (2, 2), strides=(2, 2), name="pool_{}".format(name))


def upconv_concat(input_a, input_b, n_filter, flags, name):
    up_conv = tf.layers.conv2d_transpose(
        input_a, filters=n_filter, kernel_size=2, strides=2,
        kernel_regularizer=tf.contrib.layers.l2_regularizer(flags.reg),  # expect: WD102
        name="upsample_{}".format(name))
    return tf.concat([up_conv, input_b], axis=-1, name="concat_{}".format(name))


def make_unet(X, training, flags=None):
    net = X / 127.5 - 1
    conv1, pool1 = conv_conv_pool(net, [8, 8], training, flags, name=1)
    conv2, pool2 = conv_conv_pool(pool1, [16, 16], training, flags, name=2)
    conv3 = conv_conv_pool(pool2, [32, 32], training, flags, name=3, pool=False)

    up6 = upconv_concat(conv3, conv2, 16, flags, name=6)
    conv6 = conv_conv_pool(up6, [16, 16], training, flags, name=6, pool=False)
    up7 = upconv_concat(conv6, conv1, 8, flags, name=7)
    conv7 = conv_conv_pool(up7, [8, 8], training, flags, name=7, pool=False)

    return tf.layers.conv2d(conv7, 1, (1, 1), name='final', activation=tf.nn.sigmoid, padding='same')


def IOU_(y_pred, y_true):
    H, W, _ = y_pred.get_shape().as_list()[1:]
    pred_flat, true_flat = tf.reshape(y_pred, [-1, H * W]), tf.reshape(y_true, [-1, H * W])
    intersection = 2 * tf.reduce_sum(pred_flat * true_flat, axis=1) + 1e-7
    denominator = tf.reduce_sum(pred_flat, axis=1) + tf.reduce_sum(true_flat, axis=1) + 1e-7
    return tf.reduce_mean(intersection / denominator)


def make_train_op(y_pred, y_true):
    loss = -IOU_(y_pred, y_true)
    optim = tf.train.AdamOptimizer()
    return optim.minimize(loss, global_step=tf.train.get_or_create_global_step())


def read_flags():
    import argparse
    parser = argparse.ArgumentParser(formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--epochs", default=1, type=int, help="Number of epochs")
    parser.add_argument("--batch-size", default=4, type=int, help="Batch size")
    parser.add_argument("--logdir", default="logdir", help="Tensorboard log directory")
    parser.add_argument("--reg", type=float, default=0.1, help="L2 Regularizer Term")
    parser.add_argument("--ckdir", default="models", help="Checkpoint directory")
    return parser.parse_args()


def main(flags):
    n_train = pd.read_csv("./train.csv").shape[0]
    train_logdir = os.path.join(flags.logdir, "train", time.strftime("%m/%d/%H/%M/%S"))
    tf.reset_default_graph()
    X = tf.placeholder(tf.float32, shape=[None, 640, 960, 3], name="X")
    y = tf.placeholder(tf.float32, shape=[None, 640, 960, 1], name="y")
    mode = tf.placeholder(tf.bool, name="mode")
    pred = make_unet(X, mode, flags)
    tf.add_to_collection("inputs", X)
    tf.add_to_collection("inputs", mode)
    tf.add_to_collection("outputs", pred)

    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = make_train_op(pred, y)
    IOU_op = IOU_(pred, y)
    tf.summary.scalar("IOU", IOU_op)
    train_image, train_mask = get_image_mask(tf.train.string_input_producer(['train.csv']))
    X_batch_op, y_batch_op = tf.train.shuffle_batch(
        [train_image, train_mask], batch_size=flags.batch_size, capacity=flags.batch_size * 5,
        min_after_dequeue=flags.batch_size * 2, allow_smaller_final_batch=True)
    summary_op = tf.summary.merge_all()

    with tf.Session() as sess:
        writer = tf.summary.FileWriter(train_logdir, sess.graph)
        sess.run(tf.global_variables_initializer())
        saver, coord = tf.train.Saver(), tf.train.Coordinator()
        threads = tf.train.start_queue_runners(coord=coord)
        global_step = tf.train.get_global_step(sess.graph)
        try:
            for epoch in range(flags.epochs):
                for step in range(0, n_train, flags.batch_size):
                    X_batch, y_batch = sess.run([X_batch_op, y_batch_op])
                    _, step_iou, step_summary, gs = sess.run(
                        [train_op, IOU_op, summary_op, global_step],
                        feed_dict={X: X_batch, y: y_batch, mode: True})
                    writer.add_summary(step_summary, gs)
                print("epoch {}: last IOU {:.4f}".format(epoch, step_iou))
        finally:
            coord.request_stop()
            coord.join(threads)
            saver.save(sess, "{}/model.ckpt".format(flags.ckdir))


if __name__ == '__main__':
    main(read_flags())
