# Idiom seen in: hellochick/PSPNet-tensorflow train.py
# What it reproduces: PSPNet training with per-group learning rates (conv x1, fc weights x10, fc biases x20).
#   Realistic mistake (the repo itself is correct): the gradients are taken of the bare pixel loss
#   `seg_loss`, so the L2 list summed into `reduced_loss` is only printed and never decays anything.
from __future__ import print_function

import argparse
import time

import numpy as np
import tensorflow as tf

from model import PSPNet
from tools import prepare_label
from image_reader import ImageReader

IMG_MEAN = np.array((103.939, 116.779, 123.68), dtype=np.float32)
BATCH_SIZE = 4
INPUT_SIZE = '713,713'
LEARNING_RATE = 1e-3
MOMENTUM = 0.9
NUM_CLASSES = 19
NUM_STEPS = 60001
POWER = 0.9
WEIGHT_DECAY = 0.0001


def get_arguments():
    parser = argparse.ArgumentParser(description="PSPNet")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--data-dir", type=str, default='/data/cityscapes')
    parser.add_argument("--data-list", type=str, default='./list/train_list.txt')
    parser.add_argument("--learning-rate", type=float, default=LEARNING_RATE)
    parser.add_argument("--momentum", type=float, default=MOMENTUM)
    parser.add_argument("--num-classes", type=int, default=NUM_CLASSES)
    parser.add_argument("--num-steps", type=int, default=NUM_STEPS)
    parser.add_argument("--power", type=float, default=POWER)
    parser.add_argument("--weight-decay", type=float, default=WEIGHT_DECAY)
    return parser.parse_args()


def main():
    args = get_arguments()
    h, w = map(int, INPUT_SIZE.split(','))
    coord = tf.train.Coordinator()
    reader = ImageReader(args.data_dir, args.data_list, (h, w), True, True, 255, IMG_MEAN, coord)
    image_batch, label_batch = reader.dequeue(args.batch_size)

    net = PSPNet({'data': image_batch}, is_training=True, num_classes=args.num_classes)
    raw_output = net.layers['conv6']

    fc_list = ['conv5_3_pool1_conv', 'conv5_3_pool2_conv', 'conv5_3_pool3_conv', 'conv5_3_pool6_conv', 'conv6', 'conv5_4']
    all_trainable = [v for v in tf.trainable_variables() if 'gamma' not in v.name and 'beta' not in v.name]
    fc_trainable = [v for v in all_trainable if v.name.split('/')[0] in fc_list]
    conv_trainable = [v for v in all_trainable if v.name.split('/')[0] not in fc_list]
    fc_w_trainable = [v for v in fc_trainable if 'weights' in v.name]
    fc_b_trainable = [v for v in fc_trainable if 'biases' in v.name]

    raw_prediction = tf.reshape(raw_output, [-1, args.num_classes])
    label_proc = prepare_label(label_batch, tf.stack(raw_output.get_shape()[1:3]), num_classes=args.num_classes, one_hot=False)
    raw_gt = tf.reshape(label_proc, [-1])
    indices = tf.squeeze(tf.where(tf.less_equal(raw_gt, args.num_classes - 1)), 1)
    gt = tf.cast(tf.gather(raw_gt, indices), tf.int32)
    prediction = tf.gather(raw_prediction, indices)

    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=prediction, labels=gt)
    seg_loss = tf.reduce_mean(loss)
    l2_losses = [args.weight_decay * tf.nn.l2_loss(v) for v in tf.trainable_variables() if 'weights' in v.name]  # expect: WD104
    reduced_loss = seg_loss + tf.add_n(l2_losses)

    step_ph = tf.placeholder(dtype=tf.float32, shape=())
    learning_rate = tf.scalar_mul(tf.constant(args.learning_rate), tf.pow((1 - step_ph / args.num_steps), args.power))

    opt_conv = tf.train.MomentumOptimizer(learning_rate, args.momentum)
    opt_fc_w = tf.train.MomentumOptimizer(learning_rate * 10.0, args.momentum)
    opt_fc_b = tf.train.MomentumOptimizer(learning_rate * 20.0, args.momentum)

    grads = tf.gradients(seg_loss, conv_trainable + fc_w_trainable + fc_b_trainable)
    n_conv, n_w = len(conv_trainable), len(fc_w_trainable)
    train_op = tf.group(
        opt_conv.apply_gradients(zip(grads[:n_conv], conv_trainable)),
        opt_fc_w.apply_gradients(zip(grads[n_conv:n_conv + n_w], fc_w_trainable)),
        opt_fc_b.apply_gradients(zip(grads[n_conv + n_w:], fc_b_trainable)))

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    threads = tf.train.start_queue_runners(coord=coord, sess=sess)
    for step in range(args.num_steps):
        t0 = time.time()
        loss_value, _ = sess.run([reduced_loss, train_op], feed_dict={step_ph: step})
        print('step {:d} \t loss = {:.3f}, ({:.3f} sec/step)'.format(step, loss_value, time.time() - t0))
    coord.request_stop()
    coord.join(threads)


if __name__ == '__main__':
    main()
