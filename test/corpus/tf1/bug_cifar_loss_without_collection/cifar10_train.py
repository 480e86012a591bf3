# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10_train.py
# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10_params.py
# What it reproduces: the training driver of the CIFAR-10 fork: it minimizes cifar10.loss(), which no longer
#   sums the 'losses' collection (see cifar10.py), so the wd=0.004 term added there is dead.
import time

import tensorflow as tf

import cifar10
import cifar10_params

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('run_num', 0, 'Which experiment of the parameter sweep to run.')
tf.app.flags.DEFINE_string('directory', '/tmp/cifar10_runs', 'Output directory.')


def train(hyperParam):
    with tf.Graph().as_default():
        global_step = tf.contrib.framework.get_or_create_global_step()
        images, labels = cifar10.cifar10_input.distorted_inputs(hyperParam)
        logits = cifar10.inference(images, hyperParam)
        loss = cifar10.loss(logits, labels)
        train_op = cifar10.train(loss, global_step, hyperParam)

        with tf.train.MonitoredTrainingSession(checkpoint_dir=hyperParam.train_dir,
                                               hooks=[tf.train.StopAtStepHook(last_step=hyperParam.max_steps)]) as sess:
            while not sess.should_stop():
                start = time.time()
                _, loss_value = sess.run([train_op, loss])
                print('loss = %.3f (%.3f sec/batch)' % (loss_value, time.time() - start))


def main(argv=None):
    hyperParam = cifar10_params.main(FLAGS.run_num, FLAGS.directory)
    train(hyperParam)


if __name__ == '__main__':
    tf.app.run()
