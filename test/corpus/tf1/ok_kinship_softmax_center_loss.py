# Idiom seen in: kinship-recognition-2019/Face-Recognition-with-Contrastive-Convolution Cross _entropy_main.py
# Idiom seen in: kinship-recognition-2019/Face-Recognition-with-Contrastive-Convolution models/dummy.py
# What it reproduces: facenet-style softmax training: the embedding network under slim.arg_scope with
#   weights_regularizer=slim.l2_regularizer(weight_decay), a regularized Logits layer, prelogits-norm and center-loss
#   terms added to REGULARIZATION_LOSSES, and total_loss = add_n([xent] + regularization losses) minimized; clean.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import argparse
import sys

import tensorflow as tf
import tensorflow.contrib.slim as slim

import facenet


def inference(images, keep_probability, phase_train=True, bottleneck_layer_size=128, weight_decay=0.0):
    batch_norm_params = {'decay': 0.995, 'epsilon': 0.001, 'updates_collections': None,
                         'variables_collections': [tf.GraphKeys.TRAINABLE_VARIABLES]}
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_initializer=tf.truncated_normal_initializer(stddev=0.1),
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        normalizer_fn=slim.batch_norm,
                        normalizer_params=batch_norm_params):
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=phase_train):
            net = slim.conv2d(images, 32, 3, stride=2, scope='Conv2d_1a_3x3')
            net = slim.conv2d(net, 64, 3, scope='Conv2d_2a_3x3')
            net = slim.max_pool2d(net, 3, stride=2, scope='MaxPool_3a_3x3')
            net = slim.conv2d(net, 128, 3, scope='Conv2d_4a_3x3')
            net = slim.flatten(slim.avg_pool2d(net, net.get_shape()[1:3], padding='VALID'))
            net = slim.dropout(net, keep_probability, scope='Dropout')
            net = slim.fully_connected(net, bottleneck_layer_size, activation_fn=None, scope='Bottleneck')
    return net


def build_train_op(total_loss, global_step, optimizer, learning_rate):
    if optimizer == 'ADAGRAD':
        opt = tf.train.AdagradOptimizer(learning_rate)
    elif optimizer == 'ADAM':
        opt = tf.train.AdamOptimizer(learning_rate, beta1=0.9, beta2=0.999, epsilon=0.1)
    elif optimizer == 'MOM':
        opt = tf.train.MomentumOptimizer(learning_rate, 0.9, use_nesterov=True)
    else:
        raise ValueError('Invalid optimization algorithm')
    grads = opt.compute_gradients(total_loss, tf.global_variables())
    return opt.apply_gradients(grads, global_step=global_step)


def main(args):
    train_set = facenet.get_dataset(args.data_dir)
    nrof_classes = len(train_set)
    with tf.Graph().as_default():
        global_step = tf.Variable(0, trainable=False)
        image_batch, label_batch = facenet.create_input_pipeline(train_set, args.image_size, args.batch_size)

        prelogits = inference(image_batch, args.keep_probability, phase_train=True,
                              bottleneck_layer_size=args.embedding_size, weight_decay=args.weight_decay)
        logits = slim.fully_connected(prelogits, nrof_classes, activation_fn=None,
                                      weights_initializer=slim.initializers.xavier_initializer(),
                                      weights_regularizer=slim.l2_regularizer(args.weight_decay),
                                      scope='Logits', reuse=False)

        prelogits_norm = tf.reduce_mean(tf.norm(tf.abs(prelogits) + 1e-4, ord=1.0, axis=1))
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, prelogits_norm * args.prelogits_norm_loss_factor)
        prelogits_center_loss, _ = facenet.center_loss(prelogits, label_batch, args.center_loss_alfa, nrof_classes)
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, prelogits_center_loss * args.center_loss_factor)

        cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=label_batch, logits=logits, name='cross_entropy_per_example')
        cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
        regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        total_loss = tf.add_n([cross_entropy_mean] + regularization_losses, name='total_loss')

        learning_rate = tf.train.exponential_decay(args.learning_rate, global_step, 100 * args.epoch_size,
                                                   1.0, staircase=True)
        train_op = build_train_op(total_loss, global_step, args.optimizer, learning_rate)

        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            coord = tf.train.Coordinator()
            tf.train.start_queue_runners(coord=coord, sess=sess)
            for step in range(args.max_nrof_epochs * args.epoch_size):
                _, loss_, reg_ = sess.run([train_op, total_loss, regularization_losses])
                if step % 100 == 0:
                    print('step %d\tLoss %2.3f\tRegLoss %2.3f' % (step, loss_, sum(reg_)))


def parse_arguments(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, default='~/datasets/casia/casia_maxpy_mtcnnalign_182_160')
    parser.add_argument('--image_size', type=int, default=160)
    parser.add_argument('--batch_size', type=int, default=90)
    parser.add_argument('--embedding_size', type=int, default=128)
    parser.add_argument('--keep_probability', type=float, default=0.8)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--center_loss_factor', type=float, default=0.0)
    parser.add_argument('--center_loss_alfa', type=float, default=0.95)
    parser.add_argument('--prelogits_norm_loss_factor', type=float, default=5e-4)
    parser.add_argument('--optimizer', type=str, choices=['ADAGRAD', 'ADAM', 'MOM'], default='ADAM')
    parser.add_argument('--learning_rate', type=float, default=0.05)
    parser.add_argument('--epoch_size', type=int, default=1000)
    parser.add_argument('--max_nrof_epochs', type=int, default=90)
    return parser.parse_args(argv)


if __name__ == '__main__':
    main(parse_arguments(sys.argv[1:]))
