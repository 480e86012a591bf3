# Idiom seen in: ZJULearning/pixel_link train_pixel_link.py
# What it reproduces: per-GPU clones gather their scoped LOSSES; the regularization losses are added once,
#   to clone 0's loss, before compute_gradients, and the summed gradients are applied (clean).
import tensorflow as tf
from tensorflow.python.ops import control_flow_ops

import config
import pixel_link_symbol
from datasets import dataset_factory, create_batch_queue

slim = tf.contrib.slim

tf.app.flags.DEFINE_string('train_dir', None, 'the path to store checkpoints and eventfiles.')
tf.app.flags.DEFINE_integer('num_gpus', 1, 'The number of gpus can be used.')
tf.app.flags.DEFINE_integer('batch_size', 24, 'The number of samples in each batch.')
tf.app.flags.DEFINE_float('weight_decay', 0.0001, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('learning_rate', 0.001, 'learning rate.')
tf.app.flags.DEFINE_float('momentum', 0.9, 'The momentum for the MomentumOptimizer')
tf.app.flags.DEFINE_integer('max_number_of_steps', 1000000, 'The maximum number of training steps.')
FLAGS = tf.app.flags.FLAGS


def sum_gradients(clone_grads):
    averaged_grads = []
    for grad_and_vars in zip(*clone_grads):
        grads = [g for g, _ in grad_and_vars if g is not None]
        averaged_grads.append((tf.add_n(grads), grad_and_vars[0][1]))
    return averaged_grads


def create_clones(batch_queue):
    with tf.device('/cpu:0'):
        global_step = slim.create_global_step()
        learning_rate = tf.constant(FLAGS.learning_rate, name='learning_rate')
        optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=FLAGS.momentum, name='Momentum')
    pixel_link_loss = 0
    gradients = []
    for clone_idx, gpu in enumerate(config.gpus):
        with tf.variable_scope(tf.get_variable_scope(), reuse=clone_idx > 0):
            with tf.name_scope(config.clone_scopes[clone_idx]) as clone_scope:
                with tf.device(gpu):
                    b_image, b_cls_label, b_cls_weight, b_link_label, b_link_weight = batch_queue.dequeue()
                    net = pixel_link_symbol.PixelLinkNet(b_image, is_training=True)
                    net.build_loss(b_cls_label, b_cls_weight, b_link_label, b_link_weight)
                    losses = tf.get_collection(tf.GraphKeys.LOSSES, clone_scope)
                    total_clone_loss = tf.add_n(losses) / config.num_clones
                    pixel_link_loss += total_clone_loss
                    if clone_idx == 0:
                        regularization_loss = tf.add_n(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
                        total_clone_loss = total_clone_loss + regularization_loss
                    clone_gradients = optimizer.compute_gradients(total_clone_loss)
                    gradients.append(clone_gradients)

    tf.summary.scalar('pixel_link_loss', pixel_link_loss)
    tf.summary.scalar('regularization_loss', regularization_loss)
    averaged_gradients = sum_gradients(gradients)
    apply_grad_op = optimizer.apply_gradients(averaged_gradients, global_step=global_step)
    train_ops = [apply_grad_op] + tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    return control_flow_ops.with_dependencies(train_ops, pixel_link_loss, name='train_op')


def main(_):
    config.init_config((512, 512), batch_size=FLAGS.batch_size,
                       weight_decay=FLAGS.weight_decay, num_gpus=FLAGS.num_gpus)
    dataset = dataset_factory.get_dataset('icdar2015', 'train', '/data/icdar2015')
    batch_queue = create_batch_queue(dataset, config.batch_size_per_gpu)
    train_op = create_clones(batch_queue)
    slim.learning.train(train_op, logdir=FLAGS.train_dir,
                        number_of_steps=FLAGS.max_number_of_steps, save_interval_secs=1800)


if __name__ == '__main__':
    tf.app.run()
