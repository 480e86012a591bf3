# Idiom seen in: MarvinTeichmann/KittiSeg train.py
# Idiom seen in: MarvinTeichmann/KittiSeg decoder/kitti_multiloss.py
# What it reproduces: the hypes-driven build: encoder -> decoder -> losses dict -> optimizer training()
#   on losses['total_loss'] (which holds the REGULARIZATION_LOSSES sum): clean.
import json
import logging
import os

import tensorflow as tf

import fcn8_vgg
import generic_optimizer
import kitti_multiloss
import kitti_seg_input

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string('hypes', 'hypes/KittiSeg.json', 'File storing model parameters.')


def build_training_graph(hypes, queue):
    learning_rate = tf.placeholder(tf.float32)
    global_step = tf.Variable(0, trainable=False)
    image, labels = kitti_seg_input.inputs(hypes, queue, phase='train')
    logits = fcn8_vgg.inference(hypes, image, train=True)
    decoded_logits = kitti_multiloss.decoder(hypes, logits, train=True)
    losses = kitti_multiloss.loss(hypes, decoded_logits, labels)
    train_op = generic_optimizer.training(hypes, losses, global_step, learning_rate)
    tf.summary.scalar('xentropy', losses['xentropy'])
    tf.summary.scalar('weight_loss', losses['weight_loss'])
    return train_op, losses, learning_rate


def main(_):
    with open(FLAGS.hypes, 'r') as f:
        hypes = json.load(f)
    with tf.Graph().as_default():
        queue = kitti_seg_input.create_queues(hypes, 'train')
        train_op, losses, learning_rate = build_training_graph(hypes, queue)
        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        kitti_seg_input.start_enqueuing_threads(hypes, queue, 'train', sess)
        for step in range(hypes['solver']['max_steps']):
            lr = hypes['solver']['learning_rate']
            _, loss_value = sess.run([train_op, losses['total_loss']], feed_dict={learning_rate: lr})
            if step % 50 == 0:
                logging.info('Step %d: loss = %.2f', step, loss_value)


if __name__ == '__main__':
    tf.app.run()
