# Idiom seen in: tensorflow/models research/slim/train_image_classifier.py; tensorflow/models official/r1/resnet/resnet_run_loop.py
# What it reproduces: a TF1 CIFAR-style model run through tf.compat.v1 whose decay helper adds
# `wd * l2_loss(var)` to the collection named by a module constant equal to GraphKeys.LOSSES, the
# data loss comes from tf.compat.v1.losses (also in LOSSES), and the optimizer minimizes
# tf.compat.v1.losses.get_total_loss(), which sums that collection. Correctly wired: no finding.
import tensorflow as tf

import cifar10_input

FLAGS = tf.compat.v1.app.flags.FLAGS
tf.compat.v1.app.flags.DEFINE_integer('batch_size', 128, 'Batch size.')
tf.compat.v1.app.flags.DEFINE_integer('max_steps', 50000, 'Number of training steps.')
tf.compat.v1.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_train', 'Checkpoint directory.')

LOSSES_COLLECTION = tf.compat.v1.GraphKeys.LOSSES
WEIGHT_DECAY = 0.004
LEARNING_RATE = 0.05


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.compat.v1.get_variable(
        name, shape, initializer=tf.compat.v1.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.compat.v1.add_to_collection(LOSSES_COLLECTION, weight_decay)
    return var


def inference(images):
    with tf.compat.v1.variable_scope('conv1'):
        kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=None)
        conv1 = tf.nn.relu(tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME'))
    pool1 = tf.nn.max_pool2d(conv1, 3, 2, padding='SAME')
    flat = tf.reshape(pool1, [FLAGS.batch_size, -1])
    with tf.compat.v1.variable_scope('local3'):
        weights = _variable_with_weight_decay('weights', [flat.get_shape()[1], 384], stddev=0.04, wd=WEIGHT_DECAY)
        local3 = tf.nn.relu(tf.matmul(flat, weights))
    with tf.compat.v1.variable_scope('softmax_linear'):
        weights = _variable_with_weight_decay('weights', [384, 10], stddev=1 / 384.0, wd=WEIGHT_DECAY)
        logits = tf.matmul(local3, weights)
    return logits


def train():
    tf.compat.v1.disable_eager_execution()
    global_step = tf.compat.v1.train.get_or_create_global_step()
    images, labels = cifar10_input.distorted_inputs(batch_size=FLAGS.batch_size)
    logits = inference(images)
    tf.compat.v1.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    total_loss = tf.compat.v1.losses.get_total_loss()
    tf.compat.v1.summary.scalar('total_loss', total_loss)

    optimizer = tf.compat.v1.train.MomentumOptimizer(LEARNING_RATE, momentum=0.9)
    train_op = optimizer.minimize(total_loss, global_step=global_step)
    with tf.compat.v1.train.MonitoredTrainingSession(
            checkpoint_dir=FLAGS.train_dir,
            hooks=[tf.compat.v1.train.StopAtStepHook(last_step=FLAGS.max_steps)]) as sess:
        while not sess.should_stop():
            sess.run(train_op)


def main(argv=None):
    del argv
    train()


if __name__ == '__main__':
    tf.compat.v1.app.run(main)
