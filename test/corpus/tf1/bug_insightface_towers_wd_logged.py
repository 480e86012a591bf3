# Idiom seen in: auroua/InsightFace_TF train_nets_mgpu.py
# What it reproduces: multi-GPU towers build wd_loss from l2_regularizer(weight_deacy)(W) over the conv /
#   dense / embedding weights and log total_loss = inference_loss + wd_loss, but a user edit makes each
#   tower compute gradients of inference_loss only, so the decay term is dropped (realistic mistake).
import argparse
import os

import tensorflow as tf
import tensorlayer as tl

from nets.L_Resnet_E_IR_MGPU import get_resnet
from losses.face_losses import arcface_loss
from data.mx2tfrecords import parse_function


def get_parser():
    parser = argparse.ArgumentParser(description='parameters to train net')
    parser.add_argument('--net_depth', default=50, help='resnet depth, default is 50')
    parser.add_argument('--epoch', default=100000, help='epoch to train the network')
    parser.add_argument('--batch_size', default=32, help='batch size to train network')
    parser.add_argument('--lr_steps', default=[40000, 60000, 80000], help='learning rate to train network')
    parser.add_argument('--momentum', default=0.9, help='learning alg momentum')
    parser.add_argument('--weight_deacy', default=5e-4, help='learning alg momentum')
    parser.add_argument('--num_output', default=85164, help='the image size')
    parser.add_argument('--tfrecords_file_path', default='./datasets/tfrecords', type=str)
    parser.add_argument('--num_gpus', default=2, help='the num of gpus')
    parser.add_argument('--tower_name', default='tower', help='tower name')
    return parser.parse_args()


def average_gradients(tower_grads):
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(axis=0, values=grads), 0)
        average_grads.append((grad, grad_and_vars[0][1]))
    return average_grads


if __name__ == '__main__':
    args = get_parser()
    global_step = tf.Variable(name='global_step', initial_value=0, trainable=False)
    images = tf.placeholder(name='img_inputs', shape=[None, 112, 112, 3], dtype=tf.float32)
    labels = tf.placeholder(name='img_labels', shape=[None, ], dtype=tf.int64)
    images_s = tf.split(images, num_or_size_splits=args.num_gpus, axis=0)
    labels_s = tf.split(labels, num_or_size_splits=args.num_gpus, axis=0)

    dataset = tf.data.TFRecordDataset(os.path.join(args.tfrecords_file_path, 'tran.tfrecords'))
    dataset = dataset.map(parse_function).shuffle(buffer_size=50000).batch(args.batch_size)
    iterator = dataset.make_initializable_iterator()
    next_element = iterator.get_next()

    w_init_method = tf.contrib.layers.xavier_initializer(uniform=False)
    p = int(512.0 / args.batch_size)
    lr_steps = [p * val for val in args.lr_steps]
    lr = tf.train.piecewise_constant(global_step, boundaries=lr_steps,
                                     values=[0.001, 0.0001, 0.00005, 0.00001], name='lr_schedule')
    opt = tf.train.MomentumOptimizer(learning_rate=lr, momentum=args.momentum)

    tower_grads = []
    loss_dict = {}
    with tf.variable_scope(tf.get_variable_scope()):
        for i in range(args.num_gpus):
            with tf.device('/gpu:%d' % i):
                with tf.name_scope('%s_%d' % (args.tower_name, i)) as scope:
                    net = get_resnet(images_s[i], args.net_depth, type='ir', w_init=w_init_method)
                    logit = arcface_loss(embedding=net.outputs, labels=labels_s[i],
                                         w_init=w_init_method, out_num=args.num_output)
                    tf.get_variable_scope().reuse_variables()
                    inference_loss = tf.reduce_mean(
                        tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logit, labels=labels_s[i]))
                    decay_vars = (tl.layers.get_variables_with_name('W_conv2d', True, True)
                                  + tl.layers.get_variables_with_name('E_DenseLayer/W', True, True)
                                  + tl.layers.get_variables_with_name('embedding_weights', True, True))
                    wd_loss = tf.add_n([tf.contrib.layers.l2_regularizer(args.weight_deacy)(w) for w in decay_vars])  # expect: WD104
                    total_loss = inference_loss + wd_loss
                    loss_dict['inference_loss_gpu_%d' % i] = inference_loss
                    loss_dict['wd_loss_gpu_%d' % i] = wd_loss
                    loss_dict['total_loss_gpu_%d' % i] = total_loss
                    grads = opt.compute_gradients(inference_loss)
                    tower_grads.append(grads)
                    if i == 0:
                        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)

    grads = average_gradients(tower_grads)
    with tf.control_dependencies(update_ops):
        train_op = opt.apply_gradients(grads, global_step=global_step)

    summaries = [tf.summary.scalar(key, val) for key, val in loss_dict.items()]
    summary_op = tf.summary.merge(summaries)

    sess = tf.Session(config=tf.ConfigProto(allow_soft_placement=True))
    sess.run(tf.global_variables_initializer())
    for epoch in range(args.epoch):
        sess.run(iterator.initializer)
        while True:
            try:
                images_train, labels_train = sess.run(next_element)
                feed = {images: images_train, labels: labels_train}
                _, loss_vals = sess.run([train_op, loss_dict], feed_dict=feed)
            except tf.errors.OutOfRangeError:
                print("End of epoch %d" % epoch)
                break
