# Idiom seen in: datlife/visualize-tsne model_fn.py
# What it reproduces: the explicit "weight_decay * add_n(l2_loss(v) for v in trainable_variables())" term,
# here in a plain Session script with tf.layers and a MomentumOptimizer, restricted to kernels (biases and
# batch-norm scales skipped by name); the term is part of the minimized loss. Clean.
import argparse

import tensorflow as tf

from data_utils import load_svhn


def build_net(images, is_training, num_classes=10):
    net = images
    for i, filters in enumerate([32, 64, 128]):
        net = tf.layers.conv2d(net, filters, 3, padding='same', use_bias=False, name='conv%d' % i)
        net = tf.layers.batch_normalization(net, training=is_training, name='bn%d' % i)
        net = tf.nn.relu(net)
        net = tf.layers.max_pooling2d(net, 2, 2)
    net = tf.layers.flatten(net)
    return tf.layers.dense(net, num_classes, name='logits')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.05)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--steps', type=int, default=20000)
    args = parser.parse_args()

    images, labels = load_svhn('train', batch_size=128)
    is_training = tf.placeholder_with_default(True, [])
    logits = build_net(images, is_training)
    xent = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    decay_vars = [v for v in tf.trainable_variables() if 'kernel' in v.name]
    l2 = tf.add_n([tf.nn.l2_loss(v) for v in decay_vars])
    loss = xent + args.weight_decay * l2

    global_step = tf.train.get_or_create_global_step()
    optimizer = tf.train.MomentumOptimizer(args.lr, args.momentum)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(loss, global_step=global_step)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(args.steps):
            _, loss_value = sess.run([train_op, loss])
            if step % 500 == 0:
                print('step %d loss %.4f' % (step, loss_value))


if __name__ == '__main__':
    main()
