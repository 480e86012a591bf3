# Idiom seen in: raviqqe/tensorflow-extenteten nn/regularize.py
# What it reproduces: regularize_with_l2_loss(scale) wraps tf.contrib.layers.apply_regularization(l2_regularizer(scale)),
#   which sums the penalty over the given weights (here the contrib fully_connected "weights" kernels); the returned
#   sum is added to the classification loss that AdamOptimizer minimizes. Clean.
import tensorflow as tf

from data import load_text_batches  # tokenised batches, not in this file

tf.flags.DEFINE_integer("batch_size", 64, "")
tf.flags.DEFINE_float("learning_rate", 1e-3, "")
tf.flags.DEFINE_float("l2_scale", 1e-4, "")
tf.flags.DEFINE_integer("num_classes", 5, "")
FLAGS = tf.flags.FLAGS


def regularize_with_l2_loss(scale, weights_list=None):
    return tf.contrib.layers.apply_regularization(tf.contrib.layers.l2_regularizer(scale), weights_list)


def mlp(x, layer_sizes, num_classes):
    for size in layer_sizes:
        x = tf.contrib.layers.fully_connected(x, size, activation_fn=tf.nn.elu)
    return tf.contrib.layers.fully_connected(x, num_classes, activation_fn=None)


def main(_):
    features, labels = load_text_batches(FLAGS.batch_size)
    logits = mlp(features, [512, 256], FLAGS.num_classes)
    xent = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    kernels = [v for v in tf.trainable_variables() if v.op.name.endswith('weights')]
    loss = xent + regularize_with_l2_loss(FLAGS.l2_scale, kernels)
    train_op = tf.train.AdamOptimizer(FLAGS.learning_rate).minimize(
        loss, global_step=tf.train.get_or_create_global_step())

    with tf.train.MonitoredTrainingSession(checkpoint_dir="var/log") as sess:
        while not sess.should_stop():
            sess.run(train_op)


if __name__ == "__main__":
    tf.app.run()
