# Idiom seen in: accasio/3DPyraNet train.py
# What it reproduces: the flags-driven training script: weight_decay flag handed to every layer, a momentum optimizer
#   on an exponentially decayed rate, and compute_loss written CIFAR-10 style (cross entropy added to 'losses', the sum
#   of 'losses' returned), which never reads the "weight_decay" collection the layers fill.
import os
import sys

import numpy as np
import tensorflow as tf

import input_data
import layers

flags = tf.app.flags
flags.DEFINE_string("train_path", "data/Training.npy", "Path to npy training set")
flags.DEFINE_string("train_labels_path", "data/Training_label.npy", "Path to npy training set labels")
flags.DEFINE_integer("batch_size", 100, "Batch size")
flags.DEFINE_integer("depth", 16, "Number of consecutive frames")
flags.DEFINE_integer("height", 100, "Frame height")
flags.DEFINE_integer("width", 100, "Frame width")
flags.DEFINE_integer("num_classes", 6, "Number of classes")
flags.DEFINE_integer("feature_maps", 3, "Number of maps per layer")
flags.DEFINE_float("learning_rate", 0.00015, "Learning rate")
flags.DEFINE_integer("decay_steps", 15, "Epochs between decays")
flags.DEFINE_float("decay_rate", 0.1, "Learning rate decay")
flags.DEFINE_integer("max_steps", 50, "Maximum number of epochs")
flags.DEFINE_float("weight_decay", 5e-4, "L2 regularization lambda")
flags.DEFINE_boolean("use_nesterov", False, "Use Nesterov momentum")
FLAGS = flags.FLAGS


def compute_loss(name_scope, logits, labels):
    with tf.name_scope("Loss_{}".format(name_scope)):
        cross_entropy_mean = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
        tf.summary.scalar(name_scope + '_cross_entropy', cross_entropy_mean)
        tf.add_to_collection('losses', cross_entropy_mean)
        total_loss = tf.add_n(tf.get_collection('losses'), name='total_loss')
        tf.summary.scalar(name_scope + '_total_loss', total_loss)
        return total_loss


def train():
    train_x, train_y = input_data.read_dataset(FLAGS.train_path, FLAGS.train_labels_path)
    batch_step = train_x.shape[0] // FLAGS.batch_size
    train_batch = input_data.generate_batch(train_x, train_y, batch_size=FLAGS.batch_size, shuffle=True)

    global_step = tf.get_variable("global_step", [], initializer=tf.constant_initializer(0), trainable=False)
    input_placeholder = tf.placeholder(tf.float32, shape=(FLAGS.batch_size, FLAGS.depth, FLAGS.height,
                                                          FLAGS.width, 1), name="input_placeholder")
    labels_placeholder = tf.placeholder(tf.int64, shape=[FLAGS.batch_size], name="label_placeholder")
    lr_decay = tf.train.exponential_decay(FLAGS.learning_rate, global_step=global_step,
                                          decay_steps=FLAGS.decay_steps * batch_step,
                                          decay_rate=FLAGS.decay_rate, staircase=True)
    optimizer = tf.train.MomentumOptimizer(learning_rate=lr_decay, momentum=0.9, use_nesterov=FLAGS.use_nesterov)

    net = layers.strict_norm_net(input_placeholder, feature_maps=FLAGS.feature_maps, weight_decay=FLAGS.weight_decay)
    logits = layers.fc_layer(net, weight_size=FLAGS.num_classes, act_fn=None,
                             name="FC_OUT", weight_decay=FLAGS.weight_decay)
    loss = compute_loss("AFEW", logits, labels_placeholder)
    train_op = optimizer.minimize(loss, global_step=global_step)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for step in range(FLAGS.max_steps * batch_step):
            images, labels = next(train_batch)
            _, t_loss = sess.run([train_op, loss], feed_dict={input_placeholder: images,
                                                               labels_placeholder: labels})
            if step % batch_step == 0:
                print("epoch {} loss {:.4f}".format(step // batch_step, float(np.mean(t_loss))))


def main(_):
    train()


if __name__ == '__main__':
    tf.app.run()
