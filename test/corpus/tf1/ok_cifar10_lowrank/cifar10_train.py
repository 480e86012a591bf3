# Idiom seen in: SwingWillwow/CIFAR10_LR cifar10_train.py
# What it reproduces: the tutorial's training script run by tf.app.run(): loss() returns the summed
#   'losses' collection and that total is what train() minimizes. Clean.
import time

import tensorflow as tf

import cifar10

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/cifar10_lr_train', """Directory for event logs.""")
tf.app.flags.DEFINE_integer('max_steps', 100000, """Number of batches to run.""")
RANKS = [16, 64, 32]


def train():
    with tf.Graph().as_default():
        global_step = tf.train.get_or_create_global_step()
        with tf.device('/cpu:0'):
            images, labels = cifar10.distorted_inputs()
        logits = cifar10.inference(images, RANKS)
        total_loss = cifar10.loss(logits, labels)
        train_op = cifar10.train(total_loss, global_step)
        with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.train_dir) as sess:
            step = 0
            while not sess.should_stop() and step < FLAGS.max_steps:
                start = time.time()
                _, value = sess.run([train_op, total_loss])
                if step % 100 == 0:
                    print('step %d loss %.3f (%.3f s)' % (step, value, time.time() - start))
                step += 1


def main(argv=None):
    train()


if __name__ == '__main__':
    tf.app.run()
